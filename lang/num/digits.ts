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

/** n significant digits (n <= 15) read off the shortest round-trip representation, or
 *  undefined when that representation sits too close to a rounding tie to decide. The exact
 *  value is within half an ulp (< 1.2e-16 * 10^(e+1)) of the shortest digits, so they round
 *  the same way unless their cut-off tail is within that distance of one half. */
function sigFromShortest(x: number, n: number): { ds: string; e: number } | undefined {
  const s = String(x);
  const ePos = s.indexOf('e');
  let m = s;
  let exp = 0;
  if (ePos >= 0) { exp = +s.slice(ePos + 1); m = s.slice(0, ePos); }
  const dot = m.indexOf('.');
  let digits: string;
  let pointPos: number;
  if (dot < 0) { digits = m; pointPos = m.length; } else { digits = m.slice(0, dot) + m.slice(dot + 1); pointPos = dot; }
  let lead = 0;
  while (digits.charCodeAt(lead) === 48) lead++;
  let end = digits.length;
  while (end > lead + 1 && digits.charCodeAt(end - 1) === 48) end--;
  if (lead > 0 || end < digits.length) digits = digits.slice(lead, end);
  let e = pointPos - lead + exp - 1;
  if (digits.length <= n) return { ds: digits.length === n ? digits : digits + '0'.repeat(n - digits.length), e };
  // the cut-off tail as a fraction of one unit in the last kept place
  let f = 0;
  let scale = 0.1;
  for (let i = n; i < digits.length; i++) { f += (digits.charCodeAt(i) - 48) * scale; scale *= 0.1; }
  const d = f - 0.5;
  // (2e-15 covers the rounding of the sum above)
  if ((d < 0 ? -d : d) <= 1.2e-16 * POW10[n]! + 2e-15) return undefined;
  let ds = digits.slice(0, n);
  if (d > 0) {
    ds = incDigits(ds);
    if (ds.length > n) { ds = ds.slice(0, n); e++; }
  }
  return { ds, e };
}

const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(10 ** i);

/** n significant digits of x (> 0, finite), half-even on the exact value. */
export function sigDigits(x: number, n: number): { ds: string; e: number } {
  // (subnormals carry fewer bits, so their shortest form says less about the exact value)
  if (n <= 15 && x >= 2.2250738585072014e-308) return sigFromShortest(x, n) ?? sigDigitsExact(x, n);
  if (n <= 100) {
    // A tie at n digits needs an exact value of n+1 digits ending in 5, i.e. an odd multiple of
    // 5 * 10^(e-n); that has at most (n+1)*log5(10) fraction bits, so other doubles (most of
    // them) cannot be ties and JS's rounding is right.
    const k = Math.floor((n + 1) * 1.4306765580733931);
    let tie = x >= 9007199254740992 || Number.isInteger(x * 2 ** k);
    if (tie) {
      // toExponential(n) shows the n+1 digits; a last digit other than 5 rules the tie out
      const probe = x.toExponential(n);
      tie = probe.charCodeAt(probe.indexOf('e') - 1) === 53;
    }
    if (!tie) {
      const s = x.toExponential(n - 1);
      const ep = s.indexOf('e');
      return { ds: s[0] + s.slice(2, ep), e: +s.slice(ep + 1) };
    }
  }
  return sigDigitsExact(x, n);
}

/** Digits of round(x * 10^f) for x >= 0 finite, half-even on the exact value. */
export function fixedDigits(x: number, f: number): string {
  if (x === 0) return '0';
  if (x < 1e21 && f < 100) {
    // a tie at f decimals is an odd multiple of 5 * 10^-(f+1): at most f+1 fraction bits
    let tie = Number.isInteger(x * 2 ** (f + 1));
    if (tie) {
      const probe = x.toFixed(f + 1);
      tie = probe.charCodeAt(probe.length - 1) === 53;
    }
    if (!tie) {
      let s = x.toFixed(f);
      if (f > 0) { const p = s.indexOf('.'); s = s.slice(0, p) + s.slice(p + 1); }
      let i = 0;
      while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
      return i === 0 ? s : s.slice(i);
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
