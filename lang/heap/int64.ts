// Exact Lua 5.4 integers (two's-complement int64) on pairs of int32 halves.
//
// Every helper takes (lo, hi) halves as int32 and returns its integer result through the
// module-level scratch pair RES_LO / RES_HI, so the interpreter's hot paths allocate nothing.
// The common case (both operands fit in 32 bits: hi === lo >> 31) is done with plain JS
// numbers; BigInt appears only on the rare slow paths (division/modulo of wide values,
// tostring of values beyond 2^53).

export let RES_LO = 0;
export let RES_HI = 0;

const TWO32 = 4294967296;
const TWO53 = 9007199254740992;
const TWO63 = 9223372036854775808;

/** True when the int64 (lo, hi) is a sign-extended int32. */
export function fits32(lo: number, hi: number): boolean {
  return hi === (lo >> 31);
}

function setResNum(n: number): void {
  // n is an exact integer with |n| <= 2^53.
  RES_LO = n | 0;
  RES_HI = Math.floor(n / TWO32) | 0;
}

function setResBig(v: bigint): void {
  const w = BigInt.asIntN(64, v);
  RES_LO = Number(BigInt.asIntN(32, w));
  RES_HI = Number(w >> 32n);
}

/** The int64 as a bigint. */
export function toBig(lo: number, hi: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

/** Load a bigint (wrapped to int64) into RES_LO / RES_HI. */
export function fromBig(v: bigint): void {
  setResBig(v);
}

/** Load a JS integer (|n| < 2^53) into RES_LO / RES_HI. */
export function fromNumber(n: number): void {
  if ((n | 0) === n) { RES_LO = n; RES_HI = n >> 31; return; }
  setResNum(n);
}

export function add(alo: number, ahi: number, blo: number, bhi: number): void {
  const lo = (alo >>> 0) + (blo >>> 0);
  RES_LO = lo | 0;
  RES_HI = (ahi + bhi + (lo > 0xffffffff ? 1 : 0)) | 0;
}

export function sub(alo: number, ahi: number, blo: number, bhi: number): void {
  RES_LO = (alo - blo) | 0;
  RES_HI = (ahi - bhi - ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
}

export function unm(lo: number, hi: number): void {
  RES_LO = (-lo) | 0;
  RES_HI = (~hi + (lo === 0 ? 1 : 0)) | 0;
}

/** High 32 bits of the unsigned 64-bit product of two uint32 values. */
function mulhiU32(a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const lolo = a0 * b0;
  const mid1 = a1 * b0;
  const mid2 = a0 * b1;
  const carry = ((lolo >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff)) >>> 16;
  return (a1 * b1 + (mid1 >>> 16) + (mid2 >>> 16) + carry) | 0;
}

/** Wrap-around multiplication. */
export function mul(alo: number, ahi: number, blo: number, bhi: number): void {
  if (ahi === (alo >> 31) && bhi === (blo >> 31)) {
    const p = alo * blo;
    if (p <= TWO53 && p >= -TWO53) { setResNum(p); return; }
  }
  RES_LO = Math.imul(alo, blo);
  RES_HI = (Math.imul(ahi, blo) + Math.imul(alo, bhi) + mulhiU32(alo >>> 0, blo >>> 0)) | 0;
}

/** Floor division (Lua `//` on integers). The caller checks b != 0 ("attempt to perform 'n//0'").
 *  mininteger // -1 wraps to mininteger, as in 5.4. */
export function idiv(alo: number, ahi: number, blo: number, bhi: number): void {
  if (ahi === (alo >> 31) && bhi === (blo >> 31)) {
    // |a / b| < 2^31 except for a = -2^31, b = -1 which gives 2^31: still exact.
    setResNum(Math.floor(alo / blo));
    return;
  }
  if (blo === -1 && bhi === -1) { unm(alo, ahi); return; }
  const a = toBig(alo, ahi), b = toBig(blo, bhi);
  let q = a / b;
  if ((a % b !== 0n) && ((a < 0n) !== (b < 0n))) q -= 1n;
  setResBig(q);
}

/** Lua integer modulo: the result has the sign of the divisor. The caller checks b != 0
 *  ("attempt to perform 'n%%0'"). */
export function mod(alo: number, ahi: number, blo: number, bhi: number): void {
  if (ahi === (alo >> 31) && bhi === (blo >> 31)) {
    let m = (alo % blo) | 0; // |0 turns -0 into 0
    if (m !== 0 && (m ^ blo) < 0) m += blo;
    RES_LO = m; RES_HI = m >> 31;
    return;
  }
  if (blo === -1 && bhi === -1) { RES_LO = 0; RES_HI = 0; return; }
  if (bhi === 0 && blo > 0) {
    // A positive 32-bit divisor (x % 2^31 in LCGs): reduce the 64-bit dividend with exact
    // double arithmetic on 16-bit pieces, no BigInt.
    const b = blo;
    const p32 = TWO32 % b;
    let r = ((((ahi >>> 0) % b) * 65536) % b * 65536) % b;
    r = (r + (alo >>> 0) % b) % b;               // unsigned value mod b
    if (ahi < 0) {                               // signed value = unsigned - 2^64
      const p64 = (((p32 * 65536) % b) * 65536) % b;
      r = (r - p64 + b) % b;
    }
    RES_LO = r | 0; RES_HI = 0;
    return;
  }
  const a = toBig(alo, ahi), b = toBig(blo, bhi);
  let m = a % b;
  if (m !== 0n && ((m < 0n) !== (b < 0n))) m += b;
  setResBig(m);
}

export function band(alo: number, ahi: number, blo: number, bhi: number): void {
  RES_LO = alo & blo; RES_HI = ahi & bhi;
}
export function bor(alo: number, ahi: number, blo: number, bhi: number): void {
  RES_LO = alo | blo; RES_HI = ahi | bhi;
}
export function bxor(alo: number, ahi: number, blo: number, bhi: number): void {
  RES_LO = alo ^ blo; RES_HI = ahi ^ bhi;
}
export function bnot(lo: number, hi: number): void {
  RES_LO = ~lo; RES_HI = ~hi;
}

/** Logical shift left by a count in [0, 63]. */
function shlBy(lo: number, hi: number, n: number): void {
  if (n === 0) { RES_LO = lo; RES_HI = hi; }
  else if (n < 32) { RES_HI = (hi << n) | (lo >>> (32 - n)); RES_LO = lo << n; }
  else { RES_HI = lo << (n - 32); RES_LO = 0; }
}
/** Logical shift right by a count in [0, 63]. */
function shrBy(lo: number, hi: number, n: number): void {
  if (n === 0) { RES_LO = lo; RES_HI = hi; }
  else if (n < 32) { RES_LO = (lo >>> n) | (hi << (32 - n)); RES_HI = hi >>> n; }
  else { RES_LO = hi >>> (n - 32); RES_HI = 0; }
  RES_LO |= 0; RES_HI |= 0;
}

/** Lua's `a << n` (luaV_shiftl): negative counts shift right, |n| >= 64 gives 0. */
export function shl(alo: number, ahi: number, nlo: number, nhi: number): void {
  if (nhi === (nlo >> 31)) {
    if (nlo >= 0) { if (nlo < 64) { shlBy(alo, ahi, nlo); return; } }
    else if (nlo > -64) { shrBy(alo, ahi, -nlo); return; }
  }
  RES_LO = 0; RES_HI = 0;
}

/** Lua's `a >> n` (logical shift right; negative counts shift left). */
export function shr(alo: number, ahi: number, nlo: number, nhi: number): void {
  if (nhi === (nlo >> 31)) {
    if (nlo >= 0) { if (nlo < 64) { shrBy(alo, ahi, nlo); return; } }
    else if (nlo > -64) { shlBy(alo, ahi, -nlo); return; }
  }
  RES_LO = 0; RES_HI = 0;
}

export function eq(alo: number, ahi: number, blo: number, bhi: number): boolean {
  return alo === blo && ahi === bhi;
}
/** Signed a < b. */
export function lt(alo: number, ahi: number, blo: number, bhi: number): boolean {
  return ahi < bhi || (ahi === bhi && (alo >>> 0) < (blo >>> 0));
}
/** Signed a <= b. */
export function le(alo: number, ahi: number, blo: number, bhi: number): boolean {
  return ahi < bhi || (ahi === bhi && (alo >>> 0) <= (blo >>> 0));
}
/** Unsigned a < b (math.ult). */
export function ult(alo: number, ahi: number, blo: number, bhi: number): boolean {
  const uh = ahi >>> 0, vh = bhi >>> 0;
  return uh < vh || (uh === vh && (alo >>> 0) < (blo >>> 0));
}

/** The int64 converted to the nearest double (C's (double)i: one rounding). */
export function toDouble(lo: number, hi: number): number {
  return hi * TWO32 + (lo >>> 0);
}

/** Rounding modes of luaV_flttointns. */
export const enum F2I { Eq = 0, Floor = 1, Ceil = 2 }

/** Float to integer as luaV_flttointns: in mode Eq only integral values convert; Floor/Ceil
 *  round first. Returns false (RES_* untouched) when the value is out of int64 range or NaN. */
export function fromDouble(d: number, mode: F2I): boolean {
  let f = Math.floor(d);
  if (f !== d) {
    if (mode === F2I.Eq) return false;
    if (mode === F2I.Ceil) f += 1;
  }
  if (!(f >= -TWO63 && f < TWO63)) return false; // also rejects NaN
  if ((f | 0) === f) { RES_LO = f | 0; RES_HI = f >> 31; return true; }
  // f is an integer-valued double; both halves are exact (division by 2^32 is exact).
  const h = Math.floor(f / TWO32);
  RES_HI = h | 0;
  RES_LO = (f - h * TWO32) | 0;
  return true;
}

/** Whether the int64 converts to a double without loss of any bit that matters for
 *  comparisons (lvm.c l_intfitsf: |i| < 2^53). */
function intFitsFloat(lo: number, hi: number): boolean {
  // -2^53 <= i <= 2^53; 2^53 has hi = 0x200000, lo = 0.
  return (hi >= -0x200000 && hi < 0x200000) || (hi === 0x200000 && lo === 0);
}

/** i < f exactly (LTintfloat). */
export function ltIntFloat(lo: number, hi: number, f: number): boolean {
  if (intFitsFloat(lo, hi)) return toDouble(lo, hi) < f;
  if (fromDouble(f, F2I.Ceil)) return lt(lo, hi, RES_LO, RES_HI);
  return f > 0;
}
/** i <= f exactly (LEintfloat). */
export function leIntFloat(lo: number, hi: number, f: number): boolean {
  if (intFitsFloat(lo, hi)) return toDouble(lo, hi) <= f;
  if (fromDouble(f, F2I.Floor)) return le(lo, hi, RES_LO, RES_HI);
  return f > 0;
}
/** f < i exactly (LTfloatint). */
export function ltFloatInt(f: number, lo: number, hi: number): boolean {
  if (intFitsFloat(lo, hi)) return f < toDouble(lo, hi);
  if (fromDouble(f, F2I.Floor)) return lt(RES_LO, RES_HI, lo, hi);
  return f < 0;
}
/** f <= i exactly (LEfloatint). */
export function leFloatInt(f: number, lo: number, hi: number): boolean {
  if (intFitsFloat(lo, hi)) return f <= toDouble(lo, hi);
  if (fromDouble(f, F2I.Ceil)) return le(RES_LO, RES_HI, lo, hi);
  return f < 0;
}
/** i == f exactly (luaV_equalobj for an integer and a float). */
export function eqIntFloat(lo: number, hi: number, f: number): boolean {
  const flo = RES_LO, fhi = RES_HI;
  const ok = fromDouble(f, F2I.Eq) && RES_LO === lo && RES_HI === hi;
  RES_LO = flo; RES_HI = fhi;
  return ok;
}

/** Decimal text of the int64 (as `tostring` / `%d` print it). */
export function toString(lo: number, hi: number): string {
  if (hi === (lo >> 31)) return String(lo);
  const d = hi * TWO32 + (lo >>> 0);
  if (d > -TWO53 && d < TWO53) return String(d);
  return toBig(lo, hi).toString();
}
