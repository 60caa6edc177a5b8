// Lua 5.4 number <-> string conversions that do not need the heap.
//
//   fmtFloat(d)            tostring of a float: "%.14g", ".0" added when it looks like an integer,
//                          "inf" / "-inf", NaN as "-nan" (see below), "-0.0".
//   fmtFloatBits(lo, hi)   same, from the two 32-bit halves of the double, so a NaN's sign bit is
//                          honoured ("nan" vs "-nan").
//   fmtG(d, prec, alt?, upper?)  C's "%.<prec>g" (alt = '#' flag) for any double, glibc rounding.
//   fmtInt(v)              tostring of an integer (number within +-2^53, or int64 bigint).
//   fmtInt64(lo, hi)       tostring of an int64 given as its two 32-bit halves (as the arena
//                          stores it); no BigInt unless the value is beyond +-2^53.
//   int64Halves(v)         [lo, hi] int32 halves of an int64 bigint (inverse of halvesToBig).
//   halvesToBig(lo, hi)    the int64 bigint of two halves.
//   str2number(s)          lua_stringtonumber: bigint for integers, number for floats,
//                          undefined when s is not a numeral.
//   tonumberBase(s, base)  tonumber(s, base) for base 2..36: bigint or undefined. The caller
//                          checks the base range ("base out of range").
//   float2int(d)           lua_numbertointeger: bigint when d is integral and within int64.
//   toInt64(v)             wrap a bigint into int64 (two's complement).
//
// NaN sign: PUC Lua on x86-64 prints 0/0 as "-nan" (the FPU's default NaN has the sign bit set)
// and -(0/0) as "nan". JS arithmetic does not expose a NaN's sign, so fmtFloat(NaN) answers
// "-nan", the value every NaN-producing operation gives on x86-64; a caller that kept the bits
// (e.g. read from a Float64Array slot) should use fmtFloatBits.

import { sigDigits } from './digits.js';

export { sigDigits, fixedDigits } from './digits.js';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** C's %.<prec>g for a finite or non-finite double (glibc spelling of inf/nan, lower case
 *  unless upper). */
export function fmtG(d: number, prec: number, alt = false, upper = false): string {
  if (d !== d) return upper ? '-NAN' : '-nan';
  if (d === Infinity) return upper ? 'INF' : 'inf';
  if (d === -Infinity) return upper ? '-INF' : '-inf';
  if (prec === 0) prec = 1;
  const neg = d < 0 || (d === 0 && 1 / d < 0);
  const x = neg ? -d : d;
  if (!alt && prec <= 15 && x >= 2.2250738585072014e-308) {
    const s = plainShortest(x, prec);
    if (s !== undefined) return neg ? '-' + s : s;
  }
  let ds: string;
  let e: number;
  if (x === 0) { ds = '0'.repeat(prec); e = 0; }
  else ({ ds, e } = sigDigits(x, prec));
  let out: string;
  if (e < prec && e >= -4) {
    // fixed notation with prec-1-e decimals: the prec digits, point after e+1 of them
    if (e >= 0) {
      const ip = ds.slice(0, e + 1);
      let fp = ds.slice(e + 1);
      if (!alt) fp = stripZeros(fp);
      out = fp.length > 0 || alt ? ip + '.' + fp : ip;
    } else {
      let fp = '0'.repeat(-e - 1) + ds;
      if (!alt) fp = stripZeros(fp);
      out = fp.length > 0 || alt ? '0.' + fp : '0';
    }
  } else {
    let fp = ds.slice(1);
    if (!alt) fp = stripZeros(fp);
    const mant = fp.length > 0 || alt ? ds[0] + '.' + fp : ds[0]!;
    const ae = e < 0 ? -e : e;
    out = mant + (upper ? 'E' : 'e') + (e < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  }
  return neg ? '-' + out : out;
}

/** JS's shortest form of x when it already is C's "%.<prec>g" text: plain notation (no
 *  exponent), at most prec significant digits (so rounding to prec digits keeps them, prec
 *  <= 15), and a decimal exponent in [-4, prec) where %g picks plain notation too. */
function plainShortest(x: number, prec: number): string | undefined {
  const s = String(x);
  const len = s.length;
  const dot = s.indexOf('.');
  if (dot < 0) {
    // an integer: len digits, exponent len - 1 (and no 'e' in it below 1e21)
    return len <= prec && s.indexOf('e') < 0 ? s : undefined;
  }
  if (s.charCodeAt(0) !== 48) return len - 1 <= prec && s.indexOf('e') < 0 ? s : undefined;
  // "0.000ddd": the first significant digit must be within 4 places of the point
  let z = 2;
  while (z < len && s.charCodeAt(z) === 48) z++;
  return z - 2 <= 3 && len - z <= prec && s.indexOf('e') < 0 ? s : undefined;
}

function stripZeros(s: string): string {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 48) n--;
  return n === s.length ? s : s.slice(0, n);
}

/** tostring of a Lua float. */
export function fmtFloat(d: number): string {
  if (d !== d) return '-nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  // Integral values below 1e14 print all their digits as "%.14g" would, plus ".0".
  if (Number.isInteger(d) && d < 1e14 && d > -1e14) {
    return d === 0 && 1 / d < 0 ? '-0.0' : String(d) + '.0';
  }
  const s = fmtG(d, 14);
  return looksInt(s) ? s + '.0' : s;
}

/** tostring of a float given as its two 32-bit halves (little-endian order: lo, hi). */
export function fmtFloatBits(lo: number, hi: number): string {
  U32[0] = lo; U32[1] = hi;
  const d = F64[0]!;
  if (d !== d) return (hi & 0x80000000) !== 0 ? '-nan' : 'nan';
  return fmtFloat(d);
}

/** Lua's "looks like an int" test: only digits and an optional '-'. */
function looksInt(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

/** tostring of a Lua integer. */
export function fmtInt(v: number | bigint): string {
  return typeof v === 'number' ? (v === 0 ? '0' : String(v)) : v.toString();
}

/** tostring of an int64 held as int32 halves (lo may be given signed or unsigned). */
export function fmtInt64(lo: number, hi: number): string {
  hi |= 0;
  if (hi === (lo | 0) >> 31) return String(lo | 0);
  // |value| < 2^53 when hi is within 21 bits: the double is exact
  if (hi >= -0x200000 && hi < 0x200000) return String(hi * 4294967296 + (lo >>> 0));
  return halvesToBig(lo, hi).toString();
}

export function halvesToBig(lo: number, hi: number): bigint {
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

export function int64Halves(v: bigint): [number, number] {
  const u = BigInt.asUintN(64, v);
  return [Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0];
}

const TWO63 = 9223372036854775808; // 2^63 as a double (exact)

/** lua_numbertointeger: the integer equal to d, or undefined if d is not integral or out of
 *  int64 range. */
export function float2int(d: number): bigint | undefined {
  if (!Number.isInteger(d) || d < -TWO63 || d >= TWO63) return undefined;
  return BigInt(d);
}

/** Wrap to int64. */
export function toInt64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  c |= 32;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

const MAXBY10 = 922337203685477580n;

/** lua_stringtonumber: an integer (bigint) or float (number) numeral, or undefined. */
export function str2number(s: string): number | bigint | undefined {
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45) { neg = true; i++; } else if (c0 === 43) i++;
  const start = i;
  // integer numeral first (l_str2int)
  if (s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
    let j = i + 2;
    // accumulate in 32-bit halves, wrapping modulo 2^64 like lua_Unsigned
    let hi = 0, lo = 0;
    let any = false;
    for (; j < n; j++) {
      const h = hexVal(s.charCodeAt(j));
      if (h < 0) break;
      hi = ((hi << 4) | (lo >>> 28)) >>> 0;
      lo = ((lo << 4) | h) >>> 0;
      any = true;
    }
    let k = j;
    while (k < n && isSpace(s.charCodeAt(k))) k++;
    if (any && k === n) {
      const v = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
      return neg ? BigInt.asIntN(64, -v) : v;
    }
    return hexFloat(s, i + 2, neg);
  }
  {
    let j = i;
    let small = 0; // exact while below 2^53
    let big: bigint | undefined;
    let ok = true;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c < 48 || c > 57) break;
      const d = c - 48;
      if (big === undefined) {
        small = small * 10 + d;
        if (small >= 9007199254740992 / 16) big = BigInt(small);
      } else {
        if (big >= MAXBY10 && (big > MAXBY10 || d > 7 + (neg ? 1 : 0))) { ok = false; break; }
        big = big * 10n + BigInt(d);
      }
    }
    if (ok && j > start) {
      let k = j;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k === n) {
        if (big === undefined) return BigInt(neg ? -small : small);
        return neg ? -big : big;
      }
    }
  }
  return decFloat(s, i, neg);
}

/** strtod on a decimal numeral starting at i (after the sign), whole string or nothing. */
function decFloat(s: string, i: number, neg: boolean): number | undefined {
  const n = s.length;
  const start = i;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) { i++; digits++; }
  if (s.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) { i++; digits++; }
  }
  if (digits === 0) return undefined;
  if ((s.charCodeAt(i) | 32) === 101) {
    let j = i + 1;
    const c = s.charCodeAt(j);
    if (c === 43 || c === 45) j++;
    if (j < n && isDigit(s.charCodeAt(j))) {
      while (j < n && isDigit(s.charCodeAt(j))) j++;
      i = j;
    }
  }
  const end = i;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i !== n) return undefined;
  const v = Number(s.slice(start, end));
  return neg ? -v : v;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** strtod on a hex numeral whose digits start at i (after "0x"), correctly rounded. */
function hexFloat(s: string, i: number, neg: boolean): number | undefined {
  const n = s.length;
  let mant = 0n;
  let e2 = 0;
  let any = false;
  for (; i < n; i++) {
    const h = hexVal(s.charCodeAt(i));
    if (h < 0) break;
    mant = (mant << 4n) | BigInt(h);
    any = true;
  }
  if (s.charCodeAt(i) === 46) {
    for (i++; i < n; i++) {
      const h = hexVal(s.charCodeAt(i));
      if (h < 0) break;
      mant = (mant << 4n) | BigInt(h);
      e2 -= 4;
      any = true;
    }
  }
  if (!any) return undefined;
  if ((s.charCodeAt(i) | 32) === 112) {
    let j = i + 1;
    const c = s.charCodeAt(j);
    let eneg = false;
    if (c === 43) j++; else if (c === 45) { eneg = true; j++; }
    if (j < n && isDigit(s.charCodeAt(j))) {
      let ev = 0;
      while (j < n && isDigit(s.charCodeAt(j))) {
        if (ev < 1e8) ev = ev * 10 + (s.charCodeAt(j) - 48);
        j++;
      }
      e2 += eneg ? -ev : ev;
      i = j;
    }
  }
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i !== n) return undefined;
  const v = bigToDouble(mant, e2);
  return neg ? -v : v;
}

/** mant * 2^e2 rounded to the nearest double (ties to even), overflow to Infinity. */
export function bigToDouble(mant: bigint, e2: number): number {
  if (mant === 0n) return 0;
  const bits = mant.toString(2).length;
  // exponent of the lowest kept bit: 53 significant bits, but not below the subnormal floor
  let lsb = bits + e2 - 53;
  if (lsb < -1074) lsb = -1074;
  const shift = lsb - e2;
  let q: bigint;
  if (shift <= 0) {
    q = mant << BigInt(-shift);
  } else {
    const sh = BigInt(shift);
    q = mant >> sh;
    const rem = mant - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  if (lsb > 971) return Infinity;
  return Number(q) * 2 ** lsb;
}

/** tonumber(s, base) for 2 <= base <= 36: the wrapped int64 value, or undefined. */
export function tonumberBase(s: string, base: number): bigint | undefined {
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45) { neg = true; i++; } else if (c0 === 43) i++;
  const b = BigInt(base);
  let acc = 0n;
  let any = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if ((c | 32) >= 97 && (c | 32) <= 122) d = (c | 32) - 87;
    else break;
    if (d >= base) return undefined;
    acc = BigInt.asUintN(64, acc * b + BigInt(d));
    any = true;
  }
  if (!any) return undefined;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i !== n) return undefined;
  return BigInt.asIntN(64, neg ? -acc : acc);
}
