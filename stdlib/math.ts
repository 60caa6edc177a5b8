// The math library (lmathlib.c), including the LUA_COMPAT_MATHLIB functions the reference
// build has (atan2 cosh sinh tanh pow frexp ldexp log10). Integer results follow 5.4: floor,
// ceil and modf give integers when the value fits an int64, abs and fmod keep integers
// integers (with int64 wrap-around), random uses stdlib/pure/random.ts so a seed gives
// lua5.4's sequence.

import { Tag } from '../lang/heap/tags.js';
import type { LuaState } from '../lang/vm/state.js';
import type { HostFn } from '../lang/vm/types.js';
import { LuaRandom } from './pure/random.js';

const TWO63 = 9223372036854775808;

/** lua_numbertointeger + push: the float as an integer when it fits an int64. */
function pushNumInt(L: LuaState, d: number): void {
  if (d >= -TWO63 && d < TWO63) {
    if (Number.isSafeInteger(d)) L.pushInteger(d === 0 ? 0 : d);
    else L.pushInteger(BigInt(d));
  } else {
    L.pushNumber(d);
  }
}

/** lua_compare(LT): two floats or two integers directly; otherwise the VM's comparison,
 *  restoring the frame base after a Lua __lt (see the note in table.ts). */
function lessThan(L: LuaState, a: number, b: number): boolean {
  const pa = L.ptr(a) >> 2, pb = L.ptr(b) >> 2;
  const i32 = L.i32;
  const ta = i32[pa + 2], tb = i32[pb + 2];
  if (ta === Tag.Float && tb === Tag.Float) return L.f64[pa >> 1]! < L.f64[pb >> 1]!;
  if (ta === Tag.Int && tb === Tag.Int) {
    const ha = i32[pa + 1]!, hb = i32[pb + 1]!;
    return ha !== hb ? ha < hb : (i32[pa]! >>> 0) < (i32[pb]! >>> 0);
  }
  const base = L.base;
  const r = L.compare(a, b, 1);
  L.base = base;
  return r;
}

const isInt = (L: LuaState, i: number): boolean => L.type(i) === Tag.Int;

/** Small-integer fast read: the int64 at idx as a JS number when it is an int32, else null. */
function smallInt(L: LuaState, idx: number): number | null {
  const v = L.toIntegerX(idx)!;
  return (v | 0) === v ? v : null;
}

// ---- correctly rounded elementary functions -------------------------------------------
// glibc's exp, log, log2, pow, sin, cos, tan, asin, acos, atan and atan2 are correctly
// rounded in practice, while V8's fdlibm ports are off by one ulp in a few percent of cases,
// which shows in printed results and equality tests. These compute the result in
// double-double arithmetic (about 106 bits) and round once, so they agree with lua5.4.
// Arguments outside the ranges handled here fall back to Math.* (special values, huge
// trigonometric arguments, results near overflow or in the subnormal range).

// bit access to doubles
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: 1

// result registers of the double-double primitives (no allocation per operation)
let DH = 0, DL = 0;

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  DH = s;
  DL = (a - (s - bb)) + (b - bb);
}

function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  DH = s;
  DL = b - (s - a);
}

function twoProd(a: number, b: number): void {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a), al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b), bl = b - bh;
  DH = p;
  DL = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const sh = DH, sl = DL;
  twoSum(al, bl);
  const th = DH, tl = DL;
  quickTwoSum(sh, sl + th);
  quickTwoSum(DH, DL + tl);
}

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  quickTwoSum(DH, DL + (ah * bl + al * bh));
}

function ddMulD(ah: number, al: number, b: number): void {
  twoProd(ah, b);
  quickTwoSum(DH, DL + al * b);
}

function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -DH, -DL);
  const rh = DH, rl = DL;
  const q2 = rh / bh;
  ddMul(q2, 0, bh, bl);
  ddAdd(rh, rl, -DH, -DL);
  const q3 = DH / bh;
  quickTwoSum(q1, q2);
  ddAdd(DH, DL, q3, 0);
}

function ddDivD(ah: number, al: number, b: number): void {
  const q1 = ah / b;
  twoProd(q1, b);
  const e = ((ah - DH) - DL + al) / b;
  quickTwoSum(q1, e);
}

const LN2_1 = 0.6931471803691238, LN2_2 = 1.9082149288430703e-10, LN2_3 = 4.275175589747649e-20;
const INVLN2_H = 1.4426950408889634, INVLN2_L = 2.0355273740931033e-17;
const PIO2_1 = 1.5707963267341256, PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487111665e-21, PIO2_4 = 8.4784276603689e-32;

/** exp of the double-double (xh, xl), |xh| <= 709, into DH/DL (scaled by 2^k separately:
 *  returns k). */
function expDD(xh: number, xl: number): number {
  const k = Math.round(xh * INVLN2_H);
  ddAdd(xh, xl, -k * LN2_1, 0);
  ddAdd(DH, DL, -k * LN2_2, 0);
  const r1h = DH, r1l = DL;
  twoProd(k, LN2_3);
  ddAdd(r1h, r1l, -DH, -DL);
  const rh = DH, rl = DL;
  // Horner on 1 + r/1 (1 + r/2 (1 + r/3 (...))), |r| <= 0.35: 27 terms reach 2^-120
  let ph = 1, pl = 0;
  for (let n = 27; n >= 1; n--) {
    ddMul(ph, pl, rh, rl);
    ddDivD(DH, DL, n);
    ddAdd(DH, DL, 1, 0);
    ph = DH; pl = DL;
  }
  DH = ph; DL = pl;
  return k;
}

// Fast paths: a table of 64 (or 128) exact-to-106-bits values built once with the series
// above shrinks the argument so a few double-double steps and a short double tail reach
// about 2^-76 relative accuracy: far below glibc's own distance from correct rounding.

// The tables are built on the first call of a function that reads them, not at module load:
// building them costs ~15 ms of unoptimized code, paid by every start-up otherwise.
let tablesReady = false;
const EXP_TH = new Float64Array(64), EXP_TL = new Float64Array(64);
const INV_LN2_64 = 92.33248261689366; // 64 / ln2

export function crExp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x);
  if (!tablesReady) buildTables();
  if (Math.abs(x) < 1e-18) return 1 + x;
  const k = Math.round(x * INV_LN2_64);
  const j = k & 63, m = (k - j) / 64;
  // r = x - k ln2/64 as rh + rl (k*LN2_1/64 and k*LN2_2/64 are exact products)
  const a = x - k * (LN2_1 / 64);
  twoSum(a, -k * (LN2_2 / 64));
  const rh = DH, rl = DL - k * (LN2_3 / 64);
  // expm1(r) = r + r^2/2 + r^3 (1/6 + r/24 + ...), the cube part in plain doubles
  twoProd(rh, rh);
  const sh = DH * 0.5, sl = DL * 0.5;
  const t = rh * rh * rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh * (1 / 5040 + rh * (1 / 40320))))));
  twoSum(rh, sh);
  const uh = DH, ul = DL + rl + sl + rh * rl + t;
  // T[j] (1 + u)
  const th = EXP_TH[j]!, tl = EXP_TL[j]!;
  twoProd(th, uh);
  const ph = DH, pl = DL;
  twoSum(th, ph);
  const res = DH + (DL + pl + th * ul + tl + tl * uh);
  return m === 0 ? res : ldexpNum(res, m);
}

// 1/(2n+1) as double-doubles for the atanh series
const ODD_H = new Float64Array(24), ODD_L = new Float64Array(24);

/** log(x) = e*ln2 + log(m) for a positive normal or subnormal x: log(m) into DH/DL,
 *  returns e. */
function logParts(x: number): number {
  if (!tablesReady) buildTables();
  let bias = 0;
  if (x < 2.2250738585072014e-308) { x *= 18014398509481984; bias = 54; }
  F64[0] = x;
  let e = ((U32[HI]! >>> 20) & 0x7ff) - 1023;
  U32[HI] = (U32[HI]! & 0x800fffff) | (1023 << 20);
  let m = F64[0]!;
  if (m > 1.4142135623730951) { m *= 0.5; e++; }
  e -= bias;
  // log(m) = 2 atanh(s), s = (m - 1) / (m + 1); m - 1 is exact
  twoSum(m, 1);
  ddDiv(m - 1, 0, DH, DL);
  const sh = DH, sl = DL;
  ddMul(sh, sl, sh, sl);
  const s2h = DH, s2l = DL;
  let qh = ODD_H[23]!, ql = ODD_L[23]!;
  for (let n = 22; n >= 0; n--) {
    ddMul(qh, ql, s2h, s2l);
    ddAdd(DH, DL, ODD_H[n]!, ODD_L[n]!);
    qh = DH; ql = DL;
  }
  ddMul(qh, ql, sh, sl);
  DH *= 2; DL *= 2;
  return e;
}

/** log(x) as a double-double in DH/DL (x positive and finite). */
function logDD(x: number): void {
  const e = logParts(x);
  const lh = DH, ll = DL;
  ddAdd(e * LN2_1, 0, e * LN2_2, 0);
  const ah = DH, al = DL;
  twoProd(e, LN2_3);
  ddAdd(ah, al, DH, DL);
  ddAdd(DH, DL, lh, ll);
}

// log(c) and 1/c for c = 1 + i/128, i = -38..54 (covering m in [sqrt(1/2), sqrt(2)))
const LOGC_H = new Float64Array(93), LOGC_L = new Float64Array(93);

/** log(m) for m in [sqrt(1/2), sqrt(2)) into DH/DL (about 2^-78 absolute). */
function logMFast(m: number): void {
  if (!tablesReady) buildTables();
  const i = Math.round((m - 1) * 128);
  const c = 1 + i / 128;
  const d = m - c; // exact
  const zh = d / c;
  twoProd(zh, c);
  const zl = ((d - DH) - DL) / c;
  // log1p(z) = z - z^2/2 + z^3 (1/3 - z/4 + ...), the cube part in plain doubles
  twoProd(zh, zh);
  const sh = -0.5 * DH, sl = -0.5 * DL;
  const t = zh * zh * zh * (1 / 3 - zh * (1 / 4 - zh * (1 / 5 - zh * (1 / 6 - zh * (1 / 7 - zh * (1 / 8 - zh / 9))))));
  twoSum(zh, sh);
  const uh = DH, ul = DL + zl + sl - zh * zl + t;
  twoSum(LOGC_H[i + 38]!, uh);
  quickTwoSum(DH, DL + ul + LOGC_L[i + 38]!);
}

/** Splits a positive finite x into e and m (x = 2^e m, m in [sqrt(1/2), sqrt(2))); returns e
 *  and leaves m in LOG_M. */
let LOG_M = 0;
function splitLog(x: number): number {
  let bias = 0;
  if (x < 2.2250738585072014e-308) { x *= 18014398509481984; bias = 54; }
  F64[0] = x;
  let e = ((U32[HI]! >>> 20) & 0x7ff) - 1023;
  U32[HI] = (U32[HI]! & 0x800fffff) | (1023 << 20);
  let m = F64[0]!;
  if (m > 1.4142135623730951) { m *= 0.5; e++; }
  LOG_M = m;
  return e - bias;
}

export function crLog(x: number): number {
  if (!(x > 0 && x < Infinity)) return Math.log(x);
  const e = splitLog(x);
  logMFast(LOG_M);
  if (e === 0) return DH + DL;
  const lh = DH, ll = DL;
  twoSum(e * LN2_1, lh); // e * LN2_1 is exact
  return DH + (DL + ll + e * LN2_2 + e * LN2_3);
}

export function crLog2(x: number): number {
  if (!(x > 0 && x < Infinity)) return Math.log2(x);
  const e = splitLog(x);
  logMFast(LOG_M);
  ddMul(DH, DL, INVLN2_H, INVLN2_L);
  if (e === 0) return DH + DL;
  const lh = DH, ll = DL;
  twoSum(e, lh);
  return DH + (DL + ll);
}

/** x^y for finite positive x (not 1) and finite nonzero y, or undefined when the result
 *  is near overflow/underflow or the product would not fit the splitting. */
function powPos(x: number, y: number): number | undefined {
  if (Math.abs(y) > 1e290) return undefined;
  logDD(x);
  ddMulD(DH, DL, y);
  if (!(DH > -708 && DH < 709)) return undefined;
  const k = expDD(DH, DL);
  return ldexpNum(DH + DL, k);
}

export function crPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1; // C's pow: even for NaN or infinite operands
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  if (Number.isFinite(x) && Number.isFinite(y) && x !== 0) {
    if (x > 0) return powPos(x, y) ?? Math.pow(x, y);
    if (Number.isInteger(y)) {
      const r = powPos(-x, y);
      if (r !== undefined) return Math.abs(y % 2) === 1 ? -r : r;
    }
  }
  return Math.pow(x, y);
}

/** sin and cos of (rh, rl), |r| <= pi/4, into SH/SL and CH/CL. */
let SH = 0, SL = 0, CH = 0, CL = 0;
function sinCosKernel(rh: number, rl: number): void {
  ddMul(rh, rl, rh, rl);
  const r2h = DH, r2l = DL;
  // sin r = r (1 - r^2/(2*3) (1 - r^2/(4*5) (...))), cos r = 1 - r^2/(1*2) (1 - r^2/(3*4) (...))
  let sh = 1, sl = 0, ch = 1, cl = 0;
  for (let n = 30; n >= 2; n -= 2) {
    ddMul(sh, sl, r2h, r2l);
    ddDivD(DH, DL, n * (n + 1));
    ddAdd(1, 0, -DH, -DL);
    sh = DH; sl = DL;
    ddMul(ch, cl, r2h, r2l);
    ddDivD(DH, DL, (n - 1) * n);
    ddAdd(1, 0, -DH, -DL);
    ch = DH; cl = DL;
  }
  ddMul(sh, sl, rh, rl);
  SH = DH; SL = DL;
  CH = ch; CL = cl;
}

// sin and cos of j/64 for j = -51..51 (|j/64| <= pi/4 + 1/128)
const SA_H = new Float64Array(103), SA_L = new Float64Array(103);
const CA_H = new Float64Array(103), CA_L = new Float64Array(103);

/** Fills every table above (the flag is set first: logParts reads ODD while LOGC is built). */
function buildTables(): void {
  tablesReady = true;
  for (let n = 0; n < 24; n++) { ddDivD(1, 0, 2 * n + 1); ODD_H[n] = DH; ODD_L[n] = DL; }
  for (let j = 0; j < 64; j++) {
    const k = expDD(j * (LN2_1 / 64), j * (LN2_2 / 64) + j * (LN2_3 / 64));
    EXP_TH[j] = DH * 2 ** k; EXP_TL[j] = DL * 2 ** k;
  }
  for (let i = -38; i <= 54; i++) {
    logParts(1 + i / 128); // the exponent is 0 in this range
    LOGC_H[i + 38] = DH; LOGC_L[i + 38] = DL;
  }
  for (let j = -51; j <= 51; j++) {
    sinCosKernel(j / 64, 0);
    SA_H[j + 51] = SH; SA_L[j + 51] = SL; CA_H[j + 51] = CH; CA_L[j + 51] = CL;
  }
}

/** sin/cos of x with |x| < 2^19 * pi/2 into SH/SL, CH/CL: reduction by a 4-part pi/2, then
 *  r = j/64 + b with the table above and short series for b (|b| <= 1/128). */
function sinCosDD(x: number): void {
  if (!tablesReady) buildTables();
  const k = Math.round(x * 0.6366197723675814);
  if (k === 0) { DH = x; DL = 0; } else {
    // x - k*PIO2_1 is exact (both products exact, Sterbenz for the difference)
    twoSum(x - k * PIO2_1, -k * PIO2_2);
    quickTwoSum(DH, DL - k * PIO2_3 - k * PIO2_4);
  }
  const j = Math.round(DH * 64);
  quickTwoSum(DH - j / 64, DL); // the subtraction is exact
  const bh = DH, bl = DL;
  twoProd(bh, bh);
  const qh = DH, ql = DL + 2 * bh * bl;
  // cos b - 1 = cmh + cml, sin b - b = sm
  const cmh = -0.5 * qh;
  const cml = -0.5 * ql + qh * qh * (1 / 24 - qh * (1 / 720 - qh * (1 / 40320)));
  const sm = -bh * qh * (1 / 6 - qh * (1 / 120 - qh * (1 / 5040 - qh * (1 / 362880))));
  const sah = SA_H[j + 51]!, sal = SA_L[j + 51]!, cah = CA_H[j + 51]!, cal = CA_L[j + 51]!;
  // sin(a + b) = sa + ca b + sa cm + ca sm
  twoProd(cah, bh);
  const p1h = DH, p1l = DL;
  twoProd(sah, cmh);
  const p2h = DH, p2l = DL;
  twoSum(sah, p1h);
  const s1 = DH, e1 = DL;
  twoSum(s1, p2h);
  const sSum = DH;
  let sLo = DL + e1 + p1l + p2l + sal + cah * bl + cal * bh + cah * sm + sah * cml + sal * cmh;
  quickTwoSum(sSum, sLo);
  const sh = DH, sl = DL;
  // cos(a + b) = ca - sa b + ca cm - sa sm
  twoProd(sah, bh);
  const q1h = DH, q1l = DL;
  twoProd(cah, cmh);
  const q2h = DH, q2l = DL;
  twoSum(cah, -q1h);
  const c1 = DH, f1 = DL;
  twoSum(c1, q2h);
  const cSum = DH;
  sLo = DL + f1 - q1l + q2l + cal - sah * bl - sal * bh - sah * sm + cah * cml + cal * cmh;
  quickTwoSum(cSum, sLo);
  const ch = DH, cl = DL;
  const q = k & 3;
  if (q === 0) { SH = sh; SL = sl; CH = ch; CL = cl; }
  else if (q === 1) { SH = ch; SL = cl; CH = -sh; CL = -sl; }
  else if (q === 2) { SH = -sh; SL = -sl; CH = -ch; CL = -cl; }
  else { SH = -ch; SL = -cl; CH = sh; CL = sl; }
}

const TRIG_MAX = 823549.6;

export function crSin(x: number): number {
  if (!(Math.abs(x) < TRIG_MAX) || Math.abs(x) < 1e-300) return Math.sin(x);
  sinCosDD(x);
  return SH + SL;
}

export function crCos(x: number): number {
  if (!(Math.abs(x) < TRIG_MAX)) return Math.cos(x);
  sinCosDD(x);
  return CH + CL;
}

export function crTan(x: number): number {
  if (!(Math.abs(x) < TRIG_MAX) || Math.abs(x) < 1e-300) return Math.tan(x);
  sinCosDD(x);
  ddDiv(SH, SL, CH, CL);
  return DH + DL;
}

/** The double whose high word is h and low word 0 (glibc compares high words). */
function fromHighWord(h: number): number {
  U32[HI ^ 1] = 0;
  U32[HI] = h;
  return F64[0]!;
}

/** glibc's cosh (e_cosh.c) over the correctly rounded exp and fdlibm's expm1 (which V8's
 *  Math.expm1 is), so results match lua5.4 where V8's own cosh differs. */
export function glibcCosh(x: number): number {
  const a = Math.abs(x);
  if (a < fromHighWord(0x3fd62e43)) {
    if (a < fromHighWord(0x3c800000)) return 1;
    const t = Math.expm1(a);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  if (a < 22) {
    const t = crExp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (a < fromHighWord(0x40862e42)) return 0.5 * crExp(a);
  if (a < fromHighWord(0x408633cf)) {
    const w = crExp(0.5 * a);
    const t = 0.5 * w;
    return t * w;
  }
  return x * x * Infinity; // inf for inf and overflow, NaN for NaN
}

/** One Newton step on atan2: theta + (y cos - x sin) / (x cos + y sin), with |x|, |y| of
 *  moderate size. */
function refineAngle(t0: number, y: number, x: number): number {
  sinCosDD(t0);
  const sh = SH, sl = SL, ch = CH, cl = CL;
  ddMulD(ch, cl, y);
  const ah = DH, al = DL;
  ddMulD(sh, sl, x);
  ddAdd(ah, al, -DH, -DL);
  const nh = DH, nl = DL;
  const den = x * ch + y * sh;
  ddDivD(nh, nl, den);
  ddAdd(t0, 0, DH, DL);
  return DH + DL;
}

export function crAtan2(y: number, x: number): number {
  const t0 = Math.atan2(y, x);
  if (!(Number.isFinite(x) && Number.isFinite(y)) || x === 0 || y === 0) return t0;
  const ay = Math.abs(y), ax = Math.abs(x);
  const ratio = ay / ax;
  if (!(ratio > 1e-18 && ratio < 1e18)) return t0;
  // scale both by the same power of two so the products stay in range
  const e = frexpParts(ax > ay ? ax : ay)[1];
  return refineAngle(t0, ldexpNum(y, -e), ldexpNum(x, -e));
}

export function crAsin(x: number): number {
  const y0 = Math.asin(x);
  if (!(Math.abs(x) < 1) || Math.abs(x) < 1e-18) return y0;
  sinCosDD(y0);
  ddAdd(x, 0, -SH, -SL);
  ddDiv(DH, DL, CH, CL);
  ddAdd(y0, 0, DH, DL);
  return DH + DL;
}

export function crAcos(x: number): number {
  const y0 = Math.acos(x);
  if (!(Math.abs(x) < 1)) return y0;
  sinCosDD(y0);
  ddAdd(CH, CL, -x, 0);
  ddDiv(DH, DL, SH, SL);
  ddAdd(y0, 0, DH, DL);
  return DH + DL;
}

const abs: HostFn = (L) => {
  if (isInt(L, 1)) {
    const v = smallInt(L, 1);
    if (v !== null) L.pushInteger(v < 0 ? -v : v);
    else {
      const b = L.toInt64X(1)!;
      L.pushInteger(b < 0n ? -b : b); // pushInteger wraps: abs(mininteger) == mininteger
    }
  } else {
    L.pushNumber(Math.abs(L.checkNumber(1)));
  }
  return 1;
};

function f1(fn: (x: number) => number): HostFn {
  return (L) => { L.pushNumber(fn(L.checkNumber(1))); return 1; };
}

const atan: HostFn = (L) => {
  const y = L.checkNumber(1);
  const x = L.optNumber(2, 1);
  L.pushNumber(crAtan2(y, x));
  return 1;
};

const tointeger: HostFn = (L) => {
  const t = L.type(1);
  if (t === Tag.Int) { L.settop(1); return 1; }
  const v = t === Tag.Float || t === Tag.Str ? L.toInt64X(1) : undefined;
  if (v !== undefined) L.pushInteger(v);
  else { L.checkAny(1); L.pushNil(); }
  return 1;
};

const floor: HostFn = (L, _b, nargs) => {
  if (nargs === 1) {
    // one float argument with an int32 floor (math.floor(x % k) + 1): the integer written over
    // the argument, which is then the top value, the result
    const p = L.ptr(1), q = p >> 2, i32 = L.i32;
    if (i32[q + 2] === Tag.Float) {
      const d = Math.floor(L.f64[p >> 3]!);
      if ((d | 0) === d) { i32[q] = d; i32[q + 1] = d >> 31; i32[q + 2] = Tag.Int; return 1; }
    }
  }
  if (isInt(L, 1)) { L.settop(1); return 1; }
  pushNumInt(L, Math.floor(L.checkNumber(1)));
  return 1;
};

const ceil: HostFn = (L) => {
  if (isInt(L, 1)) { L.settop(1); return 1; }
  pushNumInt(L, Math.ceil(L.checkNumber(1)));
  return 1;
};

const fmod: HostFn = (L) => {
  if (isInt(L, 1) && isInt(L, 2)) {
    const a = smallInt(L, 1), d = smallInt(L, 2);
    if (a !== null && d !== null) {
      if (d === 0) L.argError(2, 'zero');
      const r = d === -1 ? 0 : a % d;
      L.pushInteger(r === 0 ? 0 : r);
    } else {
      const bd = L.toInt64X(2)!;
      if (bd === 0n) L.argError(2, 'zero');
      L.pushInteger(bd === -1n ? 0n : L.toInt64X(1)! % bd); // bigint % truncates, as C does
    }
  } else {
    // lua5.4 (gcc) evaluates the second luaL_checknumber first; JS % on floats is C's fmod
    const y = L.checkNumber(2);
    L.pushNumber(L.checkNumber(1) % y);
  }
  return 1;
};

const modf: HostFn = (L) => {
  if (isInt(L, 1)) {
    L.settop(1);
    L.pushNumber(0);
  } else {
    const n = L.checkNumber(1);
    const ip = n < 0 ? Math.ceil(n) : Math.floor(n);
    pushNumInt(L, ip);
    L.pushNumber(n === ip ? 0 : n - ip);
  }
  return 2;
};

const ult: HostFn = (L) => {
  const a = L.checkInt64(1);
  const b = L.checkInt64(2);
  L.pushBoolean(BigInt.asUintN(64, a) < BigInt.asUintN(64, b));
  return 1;
};

const log: HostFn = (L) => {
  const x = L.checkNumber(1);
  let res: number;
  if (L.isNoneOrNil(2)) res = crLog(x);
  else {
    const base = L.checkNumber(2);
    if (base === 2) res = crLog2(x);
    else if (base === 10) res = Math.log10(x); // glibc's log10 is not correctly rounded; V8's is closer
    else res = crLog(x) / crLog(base);
  }
  L.pushNumber(res);
  return 1;
};

const PI = Math.PI;

const deg: HostFn = (L) => { L.pushNumber(L.checkNumber(1) * (180 / PI)); return 1; };
const rad: HostFn = (L) => { L.pushNumber(L.checkNumber(1) * (PI / 180)); return 1; };

const min: HostFn = (L, _b, n) => {
  let imin = 1;
  L.argCheck(n >= 1, 1, 'value expected');
  for (let i = 2; i <= n; i++) {
    if (lessThan(L, i, imin)) imin = i;
  }
  L.pushValue(imin);
  return 1;
};

const max: HostFn = (L, _b, n) => {
  let imax = 1;
  L.argCheck(n >= 1, 1, 'value expected');
  for (let i = 2; i <= n; i++) {
    if (lessThan(L, imax, i)) imax = i;
  }
  L.pushValue(imax);
  return 1;
};

const type: HostFn = (L) => {
  const t = L.type(1);
  if (t === Tag.Int) L.pushString('integer');
  else if (t === Tag.Float) L.pushString('float');
  else { L.checkAny(1); L.pushNil(); }
  return 1;
};

// ---- deprecated (LUA_COMPAT_MATHLIB) -----------------------------------------------------

const pow: HostFn = (L) => {
  const x = L.checkNumber(1);
  const y = L.checkNumber(2);
  L.pushNumber(crPow(x, y));
  return 1;
};


/** C's frexp: x = m * 2^e with 0.5 <= |m| < 1 (x itself and 0 for 0, inf, nan). */
function frexpParts(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  F64[0] = x;
  let e = (U32[HI]! >>> 20) & 0x7ff;
  let bias = 0;
  if (e === 0) { // subnormal: scale into the normal range first
    F64[0] = x * 18014398509481984; // 2^54
    e = (U32[HI]! >>> 20) & 0x7ff;
    bias = 54;
  }
  U32[HI] = (U32[HI]! & 0x800fffff) | (1022 << 20);
  return [F64[0]!, e - 1022 - bias];
}

const frexp: HostFn = (L) => {
  const [m, e] = frexpParts(L.checkNumber(1));
  L.pushNumber(m);
  L.pushInteger(e);
  return 2;
};

/** 2^n for -1022 <= n <= 1023, built from its bits (exact). */
function pow2(n: number): number {
  U32[HI ^ 1] = 0;
  U32[HI] = (n + 1023) << 20;
  return F64[0]!;
}

/** C's ldexp (scalbn): x * 2^e with one final rounding; large steps first so intermediate
 *  powers of two stay representable. */
export function ldexpNum(x: number, e: number): number {
  if (e > 1023) {
    x *= pow2(1023); e -= 1023;
    if (e > 1023) { x *= pow2(1023); e -= 1023; if (e > 1023) e = 1023; }
  } else if (e < -1022) {
    x *= pow2(-969); e += 969;
    if (e < -1022) { x *= pow2(-969); e += 969; if (e < -1022) e = -1022; }
  }
  return x * pow2(e);
}

const ldexp: HostFn = (L) => {
  const x = L.checkNumber(1);
  const ep = Number(BigInt.asIntN(32, L.checkInt64(2))); // (int) cast, as C
  L.pushNumber(ldexpNum(x, ep));
  return 1;
};

// ---- random ------------------------------------------------------------------------------

function makeRandom(r: LuaRandom): { random: HostFn; randomseed: HostFn } {
  /** luaL_checkinteger after the draw C makes first: a failed check still advances. */
  const argInt = (L: LuaState, arg: number): number | bigint => {
    const v = L.toIntegerX(arg);
    if (v === undefined) { r.random(); L.checkInteger(arg); }
    return Number.isSafeInteger(v) ? v! : L.toInt64X(arg)!;
  };
  const random: HostFn = (L, _b, n) => {
    let low: number | bigint, up: number | bigint;
    switch (n) {
      case 0:
        L.pushNumber(r.random());
        return 1;
      case 1:
        low = 1;
        up = argInt(L, 1);
        if (up === 0) { L.pushInteger(r.random0()); return 1; }
        break;
      case 2:
        low = argInt(L, 1);
        up = argInt(L, 2);
        break;
      default:
        r.random();
        return L.errorMsg('wrong number of arguments');
    }
    if (!(low <= up)) { r.random(); L.argError(1, 'interval is empty'); }
    if (typeof low === 'number' && typeof up === 'number') L.pushInteger(r.randomRangeNum(low, up));
    else L.pushInteger(r.randomRange(BigInt(low), BigInt(up)));
    return 1;
  };
  const randomseed: HostFn = (L) => {
    let n1: bigint, n2: bigint;
    if (L.isNone(1)) {
      [n1, n2] = r.seedRandom();
    } else {
      n1 = L.checkInt64(1);
      n2 = L.isNoneOrNil(2) ? 0n : L.checkInt64(2);
      r.seed(n1, n2);
    }
    L.pushInteger(n1);
    L.pushInteger(n2);
    return 2;
  };
  return { random, randomseed };
}

export function openMath(L: LuaState): number {
  const { random, randomseed } = makeRandom(new LuaRandom());
  L.newLib({
    abs, acos: f1(crAcos), asin: f1(crAsin), atan, ceil, cos: f1(crCos), deg,
    exp: f1(crExp), tointeger, floor, fmod, ult, log, max, min, modf, rad,
    sin: f1(crSin), sqrt: f1(Math.sqrt), tan: f1(crTan), type,
    atan2: atan, cosh: f1(glibcCosh), sinh: f1(Math.sinh), tanh: f1(Math.tanh), pow, frexp,
    ldexp, log10: f1(Math.log10), random, randomseed,
  });
  L.pushNumber(PI);
  L.setField(-2, 'pi');
  L.pushNumber(Infinity);
  L.setField(-2, 'huge');
  L.pushInteger(9223372036854775807n);
  L.setField(-2, 'maxinteger');
  L.pushInteger(-9223372036854775808n);
  L.setField(-2, 'mininteger');
  return 1;
}
