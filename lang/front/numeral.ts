// Numeral text → value, following luaO_str2num: an integer if the text is a decimal
// integer that fits int64 or any hexadecimal integer (which wraps modulo 2^64), otherwise
// a float as strtod reads it (decimal or hexadecimal with a `p` exponent); null if neither.

export type NumeralValue = bigint | number;

const DEC_INT = /^[0-9]+$/;
const HEX_INT = /^0[xX][0-9a-fA-F]+$/;
const DEC_FLT = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const HEX_FLT = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?[0-9]+))?$/;
const INT64_MAX = (1n << 63n) - 1n;

/** Shared values of the small integers, the most common numerals (no BigInt per numeral). */
const SMALL_INTS: bigint[] = Array.from({ length: 1024 }, (_, k) => BigInt(k));

/** The value of a decimal integer numeral below 10^15 (exact as a double). */
export function smallIntValue(v: number): bigint {
  return v < 1024 ? SMALL_INTS[v]! : BigInt(v);
}

/** Returns a bigint (in int64 range) for integers, a number for floats, null if malformed. */
export function str2number(text: string): NumeralValue | null {
  const len = text.length;
  if (len > 0 && len <= 15) {
    // Decimal integers below 10^15 are exact in a double: read them without a regex.
    let v = 0;
    let k = 0;
    for (; k < len; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x30 || c > 0x39) break;
      v = v * 10 + (c - 0x30);
    }
    if (k === len) return v < 1024 ? SMALL_INTS[v]! : BigInt(v);
  }
  // Each regex below applies only to some numerals: test those alone (x: 'x' or 'X' second).
  const x = text.charCodeAt(1) | 0x20;
  if (x !== 0x78 && len > 15 && DEC_INT.test(text)) {
    // Small decimals are by far the most common numerals: avoid BigInt parsing of long text.
    const v = BigInt(text);
    if (v <= INT64_MAX) return v;
    return Number(text);              // decimal overflow: 5.4 reads it as a float
  }
  if (x === 0x78 && HEX_INT.test(text)) {
    // Up to 13 hex digits the value is exact in a double and below 2^63.
    return len <= 15 ? smallIntValue(parseInt(text.slice(2), 16)) : BigInt.asIntN(64, BigInt(text));
  }
  if (DEC_FLT.test(text)) return Number(text);
  const m = HEX_FLT.exec(text);
  if (m === null) return null;
  const intDigits = m[1] ?? '';
  const fracDigits = m[2] ?? '';
  if (intDigits.length + fracDigits.length === 0) return null;
  const mant = BigInt('0x' + intDigits + fracDigits);
  if (mant === 0n) return 0;
  // strtod rounds once, correctly. Number(bigint) rounds the mantissa to 53 bits; scaling by
  // a power of two is then exact except in the subnormal range (accepted imprecision).
  let exp = (m[3] === undefined ? 0 : parseInt(m[3], 10)) - 4 * fracDigits.length;
  const bits = mant.toString(2).length;
  let v: number;
  if (bits > 1100) {
    // Drop low bits that cannot matter, keeping a sticky bit so rounding stays right.
    const drop = BigInt(bits - 1100);
    const kept = mant >> drop;
    const sticky = (kept << drop) !== mant ? 1n : 0n;
    v = Number((kept << 1n) | sticky);
    exp += Number(drop) - 1;
  } else {
    v = Number(mant);
  }
  return ldexp(v, exp);
}

function ldexp(v: number, e: number): number {
  if (e > 5000) return Infinity;
  if (e < -5000) return 0;
  while (e > 1000) { v *= 2 ** 1000; e -= 1000; }
  while (e < -1000) { v *= 2 ** -1000; e += 1000; }
  return v * 2 ** e;
}
