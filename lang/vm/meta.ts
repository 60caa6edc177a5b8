// Operations that may need metamethods: arithmetic, comparison, concatenation, length,
// indexing, tostring. Each exists in two flavours:
//   ...JS(L, ...)    called from host code: a metamethod runs to completion (nested call).
//   ...Loop(L, ...)  called from the interpreter with L.top at the frame's top: a Lua
//                    metamethod is entered as a FINISHOP frame (returns true) so it can yield;
//                    interp.finishOp completes the instruction when it returns.

import { Tag, TYPE_NAMES } from '../heap/tags.js';
import * as I64 from '../heap/int64.js';
import { fmtFloat, str2number } from '../num/index.js';
import { TM } from './opcodes.js';
import { CIF, CIST, EXTRA_STACK, MAXCCALLS } from './consts.js';
import type { LuaState } from './state.js';
import * as D from './debug.js';

const MAXTAGLOOP = 2000;
const TWO63 = 9223372036854775808;
const TWO52 = 4503599627370496;

export function numberToString(L: LuaState, p: number): string {
  const i = p >> 2;
  if (L.i32[i + 2] === Tag.Int) return I64.toString(L.i32[i]!, L.i32[i + 1]!);
  return fmtFloat(L.f64[p >> 3]!);
}

/** lua_tointegerx semantics (strings converted, floats only when integral). */
export function toIntegerBig(L: LuaState, p: number): bigint | undefined {
  const t = L.tagAt(p);
  if (t === Tag.Int) return I64.toBig(L.i32[p >> 2]!, L.i32[(p >> 2) + 1]!);
  let d: number;
  if (t === Tag.Float) d = L.f64[p >> 3]!;
  else if (t === Tag.Str) {
    const v = str2number(L.heap.str(L.i32[p >> 2]!));
    if (v === undefined) return undefined;
    if (typeof v === 'bigint') return v;
    d = v;
  } else return undefined;
  if (!Number.isInteger(d) || d < -TWO63 || d >= TWO63) return undefined;
  return BigInt(d);
}

let resLo = 0, resHi = 0;
/** A number TValue as an exact integer into resLo/resHi (floats only when integral, as
 *  luaV_tointegerns with F2Ieq). Strings are not converted: 5.4's VM leaves that to the
 *  string library's metamethods. */
function toIntNS(L: LuaState, p: number): boolean {
  const i = p >> 2;
  const t = L.i32[i + 2];
  if (t === Tag.Int) { resLo = L.i32[i]!; resHi = L.i32[i + 1]!; return true; }
  if (t === Tag.Float && I64.fromDouble(L.f64[p >> 3]!, I64.F2I.Eq)) { resLo = I64.RES_LO; resHi = I64.RES_HI; return true; }
  return false;
}

function num(L: LuaState, p: number): number {
  const i = p >> 2;
  return L.i32[i + 2] === Tag.Int ? I64.toDouble(L.i32[i]!, L.i32[i + 1]!) : L.f64[p >> 3]!;
}

/** Raw arithmetic on numbers (no strings, no metamethods): writes the result to dst and
 *  returns true, or returns false when an operand is not a number (or, for bitwise ops, not
 *  convertible to an integer: then `bitErr` is set). Throws for integer division by zero. */
export function rawArith(L: LuaState, ev: number, a: number, b: number, dst: number): boolean {
  const i32 = L.i32, h = L.heap;
  const qa = a >> 2, qb = b >> 2;
  const ta = i32[qa + 2]!, tb = i32[qb + 2]!;
  // first the case the interpreter leaves to us most: a float with an integer (`seed % k`,
  // `x // 2`), as floats, read and written here without helpers
  if (ev <= TM.IDIV && (ta === Tag.Float ? tb === Tag.Float || tb === Tag.Int
    : ta === Tag.Int && tb === Tag.Float)) {
    const f64 = L.f64;
    const x = ta === Tag.Float ? f64[a >> 3]! : I64.toDouble(i32[qa]!, i32[qa + 1]!);
    const y = tb === Tag.Float ? f64[b >> 3]! : I64.toDouble(i32[qb]!, i32[qb + 1]!);
    f64[dst >> 3] = ev === TM.MOD ? fmodLua(x, y) : ev === TM.IDIV ? Math.floor(x / y) : floatArith(ev, x, y);
    i32[(dst >> 2) + 2] = Tag.Float;
    return true;
  }
  if (ev >= TM.BAND && ev <= TM.SHR || ev === TM.BNOT) {
    if (!(ta === Tag.Int || ta === Tag.Float) || !(tb === Tag.Int || tb === Tag.Float)) return false;
    if (!toIntNS(L, a)) { bitErr = 1; return false; }
    const alo = resLo, ahi = resHi;
    if (!toIntNS(L, b)) { bitErr = 2; return false; }
    const blo = resLo, bhi = resHi;
    switch (ev) {
      case TM.BAND: I64.band(alo, ahi, blo, bhi); break;
      case TM.BOR: I64.bor(alo, ahi, blo, bhi); break;
      case TM.BXOR: I64.bxor(alo, ahi, blo, bhi); break;
      case TM.SHL: I64.shl(alo, ahi, blo, bhi); break;
      case TM.SHR: I64.shr(alo, ahi, blo, bhi); break;
      default: I64.bnot(alo, ahi); break;
    }
    h.setInt64(dst, I64.RES_LO, I64.RES_HI);
    return true;
  }
  if (ta === Tag.Int && tb === Tag.Int) {
    const alo = i32[a >> 2]!, ahi = i32[(a >> 2) + 1]!, blo = i32[b >> 2]!, bhi = i32[(b >> 2) + 1]!;
    switch (ev) {
      case TM.ADD: I64.add(alo, ahi, blo, bhi); break;
      case TM.SUB: I64.sub(alo, ahi, blo, bhi); break;
      case TM.MUL: I64.mul(alo, ahi, blo, bhi); break;
      case TM.MOD:
        if (blo === 0 && bhi === 0) L.runError("attempt to perform 'n%0'");
        I64.mod(alo, ahi, blo, bhi); break;
      case TM.IDIV:
        if (blo === 0 && bhi === 0) L.runError('attempt to divide by zero');
        I64.idiv(alo, ahi, blo, bhi); break;
      case TM.UNM: I64.unm(alo, ahi); break;
      case TM.DIV: h.setFloat(dst, I64.toDouble(alo, ahi) / I64.toDouble(blo, bhi)); return true;
      default: h.setFloat(dst, Math.pow(I64.toDouble(alo, ahi), I64.toDouble(blo, bhi))); return true;
    }
    h.setInt64(dst, I64.RES_LO, I64.RES_HI);
    return true;
  }
  if (!(ta === Tag.Int || ta === Tag.Float) || !(tb === Tag.Int || tb === Tag.Float)) return false;
  const x = num(L, a), y = num(L, b);
  h.setFloat(dst, floatArith(ev, x, y));
  return true;
}
export let bitErr = 0;

export function floatArith(ev: number, x: number, y: number): number {
  switch (ev) {
    case TM.ADD: return x + y;
    case TM.SUB: return x - y;
    case TM.MUL: return x * y;
    case TM.DIV: return x / y;
    case TM.MOD: return fmodLua(x, y);
    case TM.POW: return y === 2 ? x * x : Math.pow(x, y);
    case TM.IDIV: return Math.floor(x / y);
    case TM.UNM: return -x;
  }
  return NaN;
}

/** luai_nummod: C's fmod (JS %), then moved towards the divisor's sign. */
export function fmodLua(a: number, b: number): number {
  // Integral operands in (0, 2^52) (float integer code such as a Park-Miller generator): the
  // remainder from the rounded quotient is exact (q*b < a + b < 2^53, one correction step at
  // most) and needs no libm fmod call, which is slow for large quotients. a = +-0 is left to
  // fmod, which keeps its sign.
  if (a > 0 && b > 0 && a < TWO52 && b < TWO52 && Math.floor(a) === a && Math.floor(b) === b) {
    const r = a - Math.floor(a / b) * b;
    return r < 0 ? r + b : r >= b ? r - b : r;
  }
  let m = a % b;
  if (m > 0 ? b < 0 : (m < 0 && b > 0)) m += b;
  return m;
}

function arithError(L: LuaState, ev: number, a: number, b: number): never {
  const ta = L.tagAt(a), tb = L.tagAt(b);
  const isNum = (t: number) => t === Tag.Int || t === Tag.Float;
  if (ev >= TM.BAND && ev <= TM.SHR || ev === TM.BNOT) {
    if (isNum(ta) && isNum(tb)) D.intError(L, a, b);
    D.opError(L, a, b, 'perform bitwise operation on');
  }
  if (ev === TM.CONCAT) D.concatError(L, a, b);
  D.opError(L, a, b, 'perform arithmetic on');
}

/** Copy up to three arguments into fixed cells before the stack may move. */
function stage(L: LuaState, tm: number, a: number, b: number, c: number): number {
  const h = L.heap;
  const f = L.top;
  if (f + 4 + EXTRA_STACK > L.stackSize) {
    const ca = cell(L, 5), cb = cell(L, 6), cc = cell(L, 7), ct = cell(L, 8);
    h.copy(ct, tm); h.copy(ca, a); h.copy(cb, b); if (c) h.copy(cc, c);
    L.ensureSlots(f + 4 + EXTRA_STACK);
    tm = ct; a = ca; b = cb; if (c) c = cc;
  }
  h.copy(L.slot(f), tm);
  h.copy(L.slot(f + 1), a);
  h.copy(L.slot(f + 2), b);
  if (c) { h.copy(L.slot(f + 3), c); L.top = f + 4; } else L.top = f + 3;
  return f;
}
const cellCache = new WeakMap<LuaState, number[]>();
function cell(L: LuaState, i: number): number {
  let c = cellCache.get(L);
  if (!c) {
    const cells = L.i32[L.heap.getStr(L.heap.registry, L.heap.intern('_LUNET_CELLS')) >> 2]!;
    c = [];
    for (let k = 0; k <= 8; k++) c.push(k ? L.heap.getInt(cells, k) : 0);
    cellCache.set(L, c);
  }
  return c[i]!;
}

/** Call metamethod tm with (a, b[, c]) at slot L.top expecting nres results. In loop mode a
 *  Lua metamethod becomes a FINISHOP frame (returns true). Otherwise the call completes and
 *  its result is at slot L.top-1. */
export function callTM(L: LuaState, tm: number, a: number, b: number, c: number, nres: number, inLoop: boolean): boolean {
  const f = stage(L, tm, a, b, c);
  if (inLoop && L.tagAt(L.slot(f)) === Tag.LFunc) {
    // counts as a C-level call, as luaT_callTMres recursing into luaV_execute does in PUC
    if (++L.nCcalls >= MAXCCALLS) L.checkCstack();
    L.precallLua(f, nres, CIST.FINISHOP);
    return true;
  }
  L.callValue(f, nres);
  return false;
}

/** luaT_trybinTM: binary metamethod of a, else of b. Result to slot `dst` unless a FINISHOP
 *  frame was pushed (returns true). */
export function arithTM(L: LuaState, ev: number, a: number, b: number, dst: number, inLoop: boolean): boolean {
  let tm = L.tmOf(a, ev);
  if (tm === 0) tm = L.tmOf(b, ev);
  if (tm === 0) arithError(L, ev, a, b);
  if (callTM(L, tm, a, b, 0, 1, inLoop)) return true;
  L.heap.copy(L.slot(dst), L.slot(L.top - 1));
  return false;
}

export function arithJS(L: LuaState, ev: number, a: number, b: number, dst: number): void {
  if (rawArith(L, ev, a, b, L.slot(dst))) return;
  const t = L.top;
  L.top = Math.max(t, dst + 1);
  arithTM(L, ev, a, b, dst, false);
  L.top = t;
}

// ---- indexing --------------------------------------------------------------------------

/** s:method(): when the string metatable's __index is a table holding k, its value into slot
 *  `dst` at once (getLoop would take two rounds and a metamethod search to get there).
 *  Apart from getLoop so that getLoop stays small. */
function stringMethod(L: LuaState, k: number, dst: number): boolean {
  const h = L.heap, i32 = L.i32;
  const mt = h.typeMetatables[Tag.Str]!;
  const tm = mt === 0 ? 0 : h.tm(mt, TM.INDEX);
  if (tm === 0 || i32[(tm >> 2) + 2] !== Tag.Table) return false;
  const v = h.get(i32[tm >> 2]!, k);
  if (i32[(v >> 2) + 2] === Tag.Nil) return false;
  h.copy(L.slot(dst), v);
  return true;
}

/** luaV_finishget from the loop: t[k] into slot `dst`, following __index. */
export function getLoop(L: LuaState, t: number, k: number, dst: number, inLoop: boolean): boolean {
  const h = L.heap, i32 = L.i32;
  if (i32[(t >> 2) + 2] === Tag.Str && stringMethod(L, k, dst)) return false;
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let tm: number;
    if (i32[(t >> 2) + 2] === Tag.Table) {
      const tr = i32[t >> 2]!;
      const v = h.get(tr, k);
      if (i32[(v >> 2) + 2] !== Tag.Nil) { h.copy(L.slot(dst), v); return false; }
      const mt = h.getMetatable(tr);
      tm = mt === 0 ? 0 : h.tm(mt, TM.INDEX);
      if (tm === 0 || i32[(tm >> 2) + 2] === Tag.Nil) { h.setNil(L.slot(dst)); return false; }
    } else {
      tm = L.tmOf(t, TM.INDEX);
      if (tm === 0) D.typeError(L, t, 'index', k);
    }
    const tt = i32[(tm >> 2) + 2];
    if (tt === Tag.LFunc || tt === Tag.HFunc) {
      if (callTM(L, tm, t, k, 0, 1, inLoop)) return true;
      h.copy(L.slot(dst), L.slot(L.top - 1));
      return false;
    }
    t = tm;
  }
  return L.runError("'__index' chain too long; possible loop");
}

/** luaV_finishset: t[k] = v following __newindex. */
export function setLoop(L: LuaState, t: number, k: number, v: number, inLoop: boolean): boolean {
  const h = L.heap, i32 = L.i32;
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let tm: number;
    if (i32[(t >> 2) + 2] === Tag.Table) {
      const tr = i32[t >> 2]!;
      const slot = h.get(tr, k);
      if (i32[(slot >> 2) + 2] !== Tag.Nil) { h.copy(slot, v); return false; }
      const mt = h.getMetatable(tr);
      tm = mt === 0 ? 0 : h.tm(mt, TM.NEWINDEX);
      if (tm === 0 || i32[(tm >> 2) + 2] === Tag.Nil) {
        rawSetChecked(L, tr, k, v);
        return false;
      }
    } else {
      tm = L.tmOf(t, TM.NEWINDEX);
      if (tm === 0) D.typeError(L, t, 'index', k);
    }
    const tt = i32[(tm >> 2) + 2];
    if (tt === Tag.LFunc || tt === Tag.HFunc) {
      return callTM(L, tm, t, k, v, 0, inLoop);
    }
    t = tm;
  }
  return L.runError("'__newindex' chain too long; possible loop");
}

export function rawSetChecked(L: LuaState, tr: number, k: number, v: number): void {
  const tk = L.tagAt(k);
  if (tk === Tag.Nil) L.runError('table index is nil');
  if (tk === Tag.Float && L.f64[k >> 3] !== L.f64[k >> 3]) L.runError('table index is NaN');
  L.heap.set(tr, k, v);
}

export function getJS(L: LuaState, t: number, k: number, dst: number): void {
  const top = L.top;
  L.top = Math.max(top, dst + 1);
  getLoop(L, t, k, dst, false);
  L.top = top;
}
export function setJS(L: LuaState, t: number, k: number, v: number): void {
  const top = L.top;
  setLoop(L, t, k, v, false);
  L.top = top;
}

// ---- length --------------------------------------------------------------------------

export function lenLoop(L: LuaState, p: number, dst: number, inLoop: boolean): boolean {
  const t = L.tagAt(p);
  const h = L.heap;
  if (t === Tag.Table) {
    const tr = L.i32[p >> 2]!;
    const mt = h.getMetatable(tr);
    const tm = mt === 0 ? 0 : h.tm(mt, TM.LEN);
    if (tm === 0 || L.tagAt(tm) === Tag.Nil) { h.setInt(L.slot(dst), h.length(tr)); return false; }
    if (callTM(L, tm, p, p, 0, 1, inLoop)) return true;
    h.copy(L.slot(dst), L.slot(L.top - 1));
    return false;
  }
  if (t === Tag.Str) { h.setInt(L.slot(dst), h.str(L.i32[p >> 2]!).length); return false; }
  const tm = L.tmOf(p, TM.LEN);
  if (tm === 0) D.typeError(L, p, 'get length of');
  if (callTM(L, tm, p, p, 0, 1, inLoop)) return true;
  h.copy(L.slot(dst), L.slot(L.top - 1));
  return false;
}
export function lenJS(L: LuaState, p: number, dst: number): void {
  const top = L.top;
  lenLoop(L, p, dst, false);
  L.top = top;
}

// ---- comparison ------------------------------------------------------------------------

/** Raw equality of two numbers/values, without metamethods (luaV_rawequalobj). */
export function rawEq(L: LuaState, a: number, b: number): boolean { return L.heap.rawEquals(a, b); }

/** luaV_equalobj; in loop mode a Lua __eq may become a FINISHOP frame: returns 2. Otherwise 0/1. */
export function eqLoop(L: LuaState, a: number, b: number, inLoop: boolean): number {
  const ta = L.tagAt(a), tb = L.tagAt(b);
  if (ta !== tb || (ta !== Tag.Table && ta !== Tag.Userdata)) return L.heap.rawEquals(a, b) ? 1 : 0;
  if (L.i32[a >> 2] === L.i32[b >> 2]) return 1;
  let tm = L.tmOf(a, TM.EQ);
  if (tm === 0) tm = L.tmOf(b, TM.EQ);
  if (tm === 0) return 0;
  if (callTM(L, tm, a, b, 0, 1, inLoop)) return 2;
  return L.tagAt(L.slot(L.top - 1)) > Tag.False ? 1 : 0;
}
export function equalJS(L: LuaState, a: number, b: number): boolean {
  const top = L.top;
  const r = eqLoop(L, a, b, false);
  L.top = top;
  return r === 1;
}

function strLess(x: string, y: string): boolean { return x < y; }
/** l_strcmp: byte strings compare by char code (JS's < on strings does exactly that for 0-255). */
function strLE(x: string, y: string): boolean { return x <= y; }

/** a < b (le=false) or a <= b (le=true). Returns 0/1, or 2 when a FINISHOP frame was pushed. */
export function orderLoop(L: LuaState, a: number, b: number, le: boolean, inLoop: boolean): number {
  const ta = L.tagAt(a), tb = L.tagAt(b);
  const i32 = L.i32;
  if ((ta === Tag.Int || ta === Tag.Float) && (tb === Tag.Int || tb === Tag.Float)) {
    return numLess(L, a, b, le) ? 1 : 0;
  }
  if (ta === Tag.Str && tb === Tag.Str) {
    const x = L.heap.str(i32[a >> 2]!), y = L.heap.str(i32[b >> 2]!);
    return (le ? strLE(x, y) : strLess(x, y)) ? 1 : 0;
  }
  let tm = L.tmOf(a, le ? TM.LE : TM.LT);
  if (tm === 0) tm = L.tmOf(b, le ? TM.LE : TM.LT);
  if (tm !== 0) {
    if (callTM(L, tm, a, b, 0, 1, inLoop)) return 2;
    return L.tagAt(L.slot(L.top - 1)) > Tag.False ? 1 : 0;
  }
  if (le) {
    // LUA_COMPAT_LT_LE: a <= b as not (b < a) through __lt
    let tl = L.tmOf(b, TM.LT);
    if (tl === 0) tl = L.tmOf(a, TM.LT);
    if (tl !== 0) {
      const td = L.td;
      td.cis[(td.ci << 4) | CIF.Flags] |= CIST.LEQ;
      if (callTM(L, tl, b, a, 0, 1, inLoop)) return 2;
      td.cis[(td.ci << 4) | CIF.Flags] &= ~CIST.LEQ;
      return L.tagAt(L.slot(L.top - 1)) > Tag.False ? 0 : 1;
    }
  }
  return D.orderError(L, a, b);
}

export function numLess(L: LuaState, a: number, b: number, le: boolean): boolean {
  const i32 = L.i32, f64 = L.f64;
  const ia = a >> 2, ib = b >> 2;
  const ta = i32[ia + 2], tb = i32[ib + 2];
  if (ta === Tag.Int) {
    if (tb === Tag.Int) return le ? I64.le(i32[ia]!, i32[ia + 1]!, i32[ib]!, i32[ib + 1]!) : I64.lt(i32[ia]!, i32[ia + 1]!, i32[ib]!, i32[ib + 1]!);
    return le ? I64.leIntFloat(i32[ia]!, i32[ia + 1]!, f64[b >> 3]!) : I64.ltIntFloat(i32[ia]!, i32[ia + 1]!, f64[b >> 3]!);
  }
  if (tb === Tag.Float) return le ? f64[a >> 3]! <= f64[b >> 3]! : f64[a >> 3]! < f64[b >> 3]!;
  return le ? I64.leFloatInt(f64[a >> 3]!, i32[ib]!, i32[ib + 1]!) : I64.ltFloatInt(f64[a >> 3]!, i32[ib]!, i32[ib + 1]!);
}

export function lessThanJS(L: LuaState, a: number, b: number): boolean {
  const top = L.top;
  const r = orderLoop(L, a, b, false, false);
  L.top = top;
  return r === 1;
}
export function lessEqualJS(L: LuaState, a: number, b: number): boolean {
  const top = L.top;
  const r = orderLoop(L, a, b, true, false);
  L.top = top;
  return r === 1;
}

// ---- concatenation -------------------------------------------------------------------------

function strOf(L: LuaState, p: number): string | undefined {
  const t = L.tagAt(p);
  if (t === Tag.Str) return L.heap.str(L.i32[p >> 2]!);
  if (t === Tag.Int || t === Tag.Float) return numberToString(L, p);
  return undefined;
}

const CONCAT_PARTS: string[] = [];

/** luaV_concat over the `total` values ending at L.top-1; the result ends at the slot of the
 *  first one and L.top points past it. Returns true when a FINISHOP frame was pushed (the
 *  frame's result lands at the old top; finishOp continues). */
export function concatLoop(L: LuaState, total: number, inLoop: boolean): boolean {
  const h = L.heap;
  while (total > 1) {
    const top = L.top;
    const a = L.slot(top - 2), b = L.slot(top - 1);
    const sb = strOf(L, b);
    const sa = sb === undefined ? undefined : strOf(L, a);
    if (sa === undefined || sb === undefined) {
      let tm = L.tmOf(a, TM.CONCAT);
      if (tm === 0) tm = L.tmOf(b, TM.CONCAT);
      if (tm === 0) D.concatError(L, a, b);
      if (callTM(L, tm, a, b, 0, 1, inLoop)) return true;
      h.copy(L.slot(top - 2), L.slot(L.top - 1));
      L.top = top - 1;
      total--;
      continue;
    }
    // gather as many string-convertible values as possible
    let n = 2;
    let len = sa.length + sb.length;
    while (n < total) {
      const s = strOf(L, L.slot(top - n - 1));
      if (s === undefined) break;
      len += s.length;
      n++;
    }
    if (len >= 0x7fffffff) L.runError('string length overflow');
    let id: number;
    if (n === 2) id = h.internPair(sa, sb);
    else {
      // nothing between gathering and interning can run a concatenation: one shared array
      const parts = CONCAT_PARTS;
      parts.length = 0;
      for (let i = top - n; i < top; i++) parts.push(strOf(L, L.slot(i))!);
      id = h.internParts(parts, len);
      parts.length = 0;
    }
    h.setStr(L.slot(top - n), id);
    L.top = top - n + 1;
    total -= n - 1;
  }
  return false;
}

export function concatJS(L: LuaState, n: number): void {
  concatLoop(L, n, false);
}

// ---- tostring -------------------------------------------------------------------------------

export function addressOf(L: LuaState, p: number): string {
  const ref = L.i32[p >> 2]! >>> 0;
  return '0x' + (0x55550000000 + ref * 1).toString(16).padStart(14, '0');
}

/** luaL_tolstring: pushes the string and returns it. */
export function toStringMeta(L: LuaState, p: number): string {
  const h = L.heap;
  const mt = L.metatableOf(p);
  if (mt !== 0) {
    const tm = h.getStr(mt, h.tostringKey);
    if (L.tagAt(tm) !== Tag.Nil) {
      L.pushPtr(tm);
      L.pushPtr(p);
      L.call(1, 1);
      const r = L.slot(L.top - 1);
      const tr = L.tagAt(r);
      if (tr !== Tag.Str) {
        if (tr === Tag.Int || tr === Tag.Float) { const s = numberToString(L, r); return s; }
        L.errorMsg("'__tostring' must return a string");
      }
      return h.str(L.i32[r >> 2]!);
    }
  }
  const t = L.tagAt(p);
  let s: string;
  switch (t) {
    case Tag.Int: case Tag.Float: s = numberToString(L, p); break;
    case Tag.Str: L.pushPtr(p); return h.str(L.i32[p >> 2]!);
    case Tag.True: s = 'true'; break;
    case Tag.False: s = 'false'; break;
    case Tag.Nil: s = 'nil'; break;
    default: {
      let kind = TYPE_NAMES[t]!;
      if (mt !== 0) {
        const nm = h.getStr(mt, h.nameKey);
        if (L.tagAt(nm) === Tag.Str) kind = h.str(L.i32[nm >> 2]!);
      }
      s = kind + ': ' + addressOf(L, p);
    }
  }
  L.pushString(s);
  return s;
}
