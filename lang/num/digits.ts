// Exact decimal digit generation for doubles, rounding half-to-even on the exact binary value
// the way glibc's printf does. JS's toPrecision/toExponential/toFixed round exact ties away
// from zero (2.5 -> "3"), so they are only used when the value provably is not a tie; the
// BigInt path covers the rest and every width JS refuses (toFixed above 1e21).
//
//   sigDigits(x, n)   x > 0 finite, 1 <= n: n significant digits and the decimal exponent of
//                     the first one (x ~= 0.d1d2..dn * 10^(e+1), i.e. d1.d2... * 10^e).
//   fixedDigits(x, f) x >= 0 finite, f >= 0: the decimal digits of round(x * 10^f), no
//                     leading zeros ("0" for zero).

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** Exact value of a positive finite double as int(digits) * 10^exp10. */
function exactDecimal(x: number): { digits: string; exp10: number } {
  F64[0] = x;
  const lo = U32[0]!;
  const hi = U32[1]!;
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = bexp - 1075;
  }
  if (e2 >= 0) return { digits: (mant << BigInt(e2)).toString(), exp10: 0 };
  // mant * 2^e2 = mant * 5^-e2 / 10^-e2
  return { digits: (mant * 5n ** BigInt(-e2)).toString(), exp10: e2 };
}

/** Round a digit string to keep `keep` leading digits, half to even. Returns the kept digits
 *  (possibly one longer when a carry ran out of the top, e.g. "999" -> "1000"). */
function roundDigits(ds: string, keep: number): string {
  if (keep >= ds.length) return ds + '0'.repeat(keep - ds.length);
  if (keep < 0) return '';
  const head = keep === 0 ? '0' : ds.slice(0, keep);
  const r = ds.charCodeAt(keep) - 48;
  let up = false;
  if (r > 5) up = true;
  else if (r === 5) {
    let rest = false;
    for (let i = keep + 1; i < ds.length; i++) {
      if (ds.charCodeAt(i) !== 48) { rest = true; break; }
    }
    up = rest || ((head.charCodeAt(head.length - 1) - 48) & 1) === 1;
  }
  if (!up) return head;
  return incDigits(head);
}

function incDigits(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) === 57) i--;
  if (i < 0) return '1' + '0'.repeat(s.length);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1) + '0'.repeat(s.length - 1 - i);
}

function sigDigitsExact(x: number, n: number): { ds: string; e: number } {
  const { digits, exp10 } = exactDecimal(x);
  let e = digits.length - 1 + exp10;
  let ds = roundDigits(digits, n);
  if (ds.length > n) { ds = ds.slice(0, n); e++; }
  return { ds, e };
}

/** n significant digits of x (> 0, finite), half-even on the exact value. */
export function sigDigits(x: number, n: number): { ds: string; e: number } {
  if (n <= 100) {
    // A tie at n digits means the exact value has n+1 digits ending in 5: toExponential(n)
    // shows exactly that, so any other last digit proves JS's rounding is the right one.
    const probe = x.toExponential(n);
    const epos = probe.indexOf('e');
    if (epos > 0 && probe.charCodeAt(epos - 1) !== 53) {
      const s = x.toExponential(n - 1);
      const ep = s.indexOf('e');
      const ds = n === 1 ? s.slice(0, ep) : s[0] + s.slice(2, ep);
      return { ds, e: +s.slice(ep + 1) };
    }
  }
  return sigDigitsExact(x, n);
}

/** Digits of round(x * 10^f) for x >= 0 finite, half-even on the exact value. */
export function fixedDigits(x: number, f: number): string {
  if (x === 0) return '0';
  if (x < 1e21 && f < 100) {
    const probe = x.toFixed(f + 1);
    if (probe.charCodeAt(probe.length - 1) !== 53) {
      let s = x.toFixed(f);
      if (f > 0) { const p = s.indexOf('.'); s = s.slice(0, p) + s.slice(p + 1); }
      let i = 0;
      while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
      return s.slice(i);
    }
  }
  const { digits, exp10 } = exactDecimal(x);
  // value = digits * 10^exp10; we want digits * 10^(exp10 + f)
  const shift = exp10 + f;
  if (shift >= 0) return digits + '0'.repeat(shift);
  const keep = digits.length + shift;
  const r = roundDigits(digits, keep);
  if (r === '' ) return '0';
  let i = 0;
  while (i < r.length - 1 && r.charCodeAt(i) === 48) i++;
  return r.slice(i);
}
