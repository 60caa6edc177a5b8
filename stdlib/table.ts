// The table library (ltablib.c): concat insert move pack remove sort unpack, with 5.4's
// messages, element access through lua_geti/lua_seti semantics (so __index, __newindex and
// __len are honoured) and ltablib's quicksort, pivot for pivot, so a consistent comparator
// gives the same order as lua5.4 and an inconsistent one is caught at the same point.
//
// Lua integers are int64. Indices are handled as JS numbers while every bound involved is a
// safe integer (the common case, no BigInt per element); the rare calls with bounds near
// 2^63 (which the official tests do make) take a BigInt path with wrap-around as in C.

import { Tag } from '../lang/heap/tags.js';
import { EXTRA_STACK, MAXSTACK } from '../lang/vm/consts.js';
import type { LuaState } from '../lang/vm/state.js';
import type { HostFn } from '../lang/vm/types.js';

const TAB_R = 1;
const TAB_W = 2;
const TAB_L = 4;
const TAB_RW = TAB_R | TAB_W;

const MAXI = (1n << 63n) - 1n;
const INT_MAX = 2147483647;

type Int = number | bigint;

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const ucmpLt = (a: bigint, b: bigint): boolean => BigInt.asUintN(64, a) < BigInt.asUintN(64, b);
const ucmpLe = (a: bigint, b: bigint): boolean => BigInt.asUintN(64, a) <= BigInt.asUintN(64, b);

/** A safe JS integer, or the exact int64 as a bigint when it is outside the safe range. */
function norm(v: bigint): Int {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** luaL_checkinteger, exact: a number when safe, else a bigint. */
function intArg(L: LuaState, arg: number): Int {
  const v = L.checkInteger(arg);
  return Number.isSafeInteger(v) ? v : L.checkInt64(arg);
}

function optIntArg(L: LuaState, arg: number, def: Int): Int {
  return L.isNoneOrNil(arg) ? def : intArg(L, arg);
}

// Workaround (reported to lang/vm): a Lua function run from host code (a metamethod or a
// comparator) can return with L.base left at its own frame, which would shift every API
// index afterwards. Each access that may run Lua restores the frame base; once the VM
// restores it itself this is a no-op.

/** The table at idx when it has no metatable (then lua_geti/lua_seti are raw accesses and
 *  the heap can be used directly), else 0. Checked at every access: a comparator or
 *  metamethod may set a metatable in the middle of an operation. */
function plainTable(L: LuaState, idx: number): number {
  const p = L.ptr(idx);
  if (L.i32[(p >> 2) + 2] !== Tag.Table) return 0;
  const t = L.i32[p >> 2]!;
  return L.heap.getMetatable(t) === 0 ? t : 0;
}

/** lua_geti with a safe-integer index. */
function getI(L: LuaState, idx: number, i: number): void {
  const t = plainTable(L, idx);
  if (t !== 0) { L.pushPtr(L.heap.getInt(t, i)); return; }
  const b = L.base;
  L.getI(idx, i);
  L.base = b;
}

/** lua_seti with a safe-integer index: t[i] = top value (popped). */
function setI(L: LuaState, idx: number, i: number): void {
  const t = plainTable(L, idx);
  if (t !== 0) {
    L.heap.setIntKey(t, i, L.slot(L.top - 1));
    L.top--;
    return;
  }
  const b = L.base;
  L.setI(idx, i);
  L.base = b;
}

/** lua_geti: pushes t[i] (t at API index idx, absolute), with metamethods. */
function geti(L: LuaState, idx: number, i: Int): void {
  if (typeof i === 'number') { getI(L, idx, i); return; }
  const b = L.base;
  L.pushInteger(i);
  L.getTable(idx);
  L.base = b;
}

/** lua_seti: t[i] = top value (popped), with metamethods. */
function seti(L: LuaState, idx: number, i: Int): void {
  if (typeof i === 'number') { setI(L, idx, i); return; }
  const b = L.base;
  L.pushInteger(i);
  L.insert(-2);
  L.setTable(idx);
  L.base = b;
}

function compare(L: LuaState, a: number, b: number, op: number): boolean {
  const base = L.base;
  const r = L.compare(a, b, op);
  L.base = base;
  return r;
}

/** ltablib's checktab: a table, or a value whose metatable has the needed metamethods. */
function checkTab(L: LuaState, arg: number, what: number): void {
  if (L.type(arg) === Tag.Table && !L.isNone(arg)) return;
  if (L.getMetatable(arg)) {
    const mt = L.gettop();
    const ok = (!(what & TAB_R) || hasRaw(L, mt, '__index')) &&
      (!(what & TAB_W) || hasRaw(L, mt, '__newindex')) &&
      (!(what & TAB_L) || hasRaw(L, mt, '__len'));
    L.settop(mt - 1);
    if (ok) return;
  }
  L.typeError(arg, 'table');
}

function hasRaw(L: LuaState, mt: number, key: string): boolean {
  const t = L.rawGetField(mt, key);
  L.pop();
  return t !== Tag.Nil;
}

/** luaL_len with the exact int64 result. */
function lenOf(L: LuaState, idx: number): Int {
  const pt = plainTable(L, idx);
  if (pt !== 0) return L.heap.length(pt);
  const base = L.base;
  L.len(idx);
  L.base = base;
  const t = L.type(-1);
  let v: Int | undefined;
  if (t === Tag.Int) {
    const n = L.toIntegerX(-1)!;
    v = Number.isSafeInteger(n) ? n : L.toInt64X(-1)!;
  } else {
    const b = L.toInt64X(-1);
    v = b === undefined ? undefined : norm(b);
  }
  L.pop();
  if (v === undefined) L.errorMsg('object length is not an integer');
  return v;
}

function auxGetN(L: LuaState, w: number): Int {
  checkTab(L, 1, w | TAB_L);
  return lenOf(L, 1);
}

const big = (v: Int): bigint => (typeof v === 'bigint' ? v : BigInt(v));

// ---------------------------------------------------------------------------------------
// insert / remove

// Raw shifts for a table without a metatable: no Lua code can run between the moves, so
// they are the lua_geti/lua_seti pairs of ltablib without the API calls. Each value goes
// through one stack slot: a pointer into the table itself could be moved by the insertion.

/** Moves n TValues from src to dst inside the array part (overlapping is fine). */
function moveSlots(L: LuaState, dst: number, src: number, n: number): void {
  const i32 = L.i32;
  if (n > 8) { i32.copyWithin(dst >> 2, src >> 2, (src >> 2) + (n << 2)); return; }
  const h = L.heap;
  if (dst > src) for (let k = n - 1; k >= 0; k--) h.copy(dst + (k << 4), src + (k << 4));
  else for (let k = 0; k < n; k++) h.copy(dst + (k << 4), src + (k << 4));
}

/** t[i] = t[i-1] for i = e down to pos+1. */
function shiftUp(L: LuaState, t: number, pos: number, e: number): void {
  const h = L.heap;
  L.pushNil();
  const tmp = L.slot(L.top - 1);
  let i = e;
  if (i > pos) {
    // t[e] first: it may grow the table; below it every slot can be in the array part
    h.copy(tmp, h.getInt(t, i - 1));
    h.setIntKey(t, i, tmp);
    i--;
    if (i > pos && pos >= 1 && i <= h.arraySize(t)) {
      const src = h.getInt(t, pos);
      moveSlots(L, src + 16, src, i - pos);
      i = pos;
    }
  }
  for (; i > pos; i--) {
    h.copy(tmp, h.getInt(t, i - 1));
    h.setIntKey(t, i, tmp);
  }
  L.top--;
}

/** t[i] = t[i+1] for i = pos up to size-1. */
function shiftDown(L: LuaState, t: number, pos: number, size: number): void {
  const h = L.heap;
  if (pos >= 1 && pos < size && size <= h.arraySize(t)) {
    const dst = h.getInt(t, pos);
    moveSlots(L, dst, dst + 16, size - pos);
    return;
  }
  L.pushNil();
  const tmp = L.slot(L.top - 1);
  for (let i = pos; i < size; i++) {
    h.copy(tmp, h.getInt(t, i + 1));
    h.setIntKey(t, i, tmp);
  }
  L.top--;
}

const insert: HostFn = (L, _b, nargs) => {
  const n = auxGetN(L, TAB_RW);
  if (nargs !== 2 && nargs !== 3) return L.errorMsg("wrong number of arguments to 'insert'");
  if (typeof n === 'number' && n >= 0) {
    const e = n + 1; // first empty element
    if (nargs === 2) { setI(L, 1, e); return 0; }
    const pos = intArg(L, 2);
    if (typeof pos === 'number') {
      L.argCheck(pos >= 1 && pos <= e, 2, 'position out of bounds');
      const t = plainTable(L, 1);
      if (t !== 0) shiftUp(L, t, pos, e);
      else {
        for (let i = e; i > pos; i--) {
          getI(L, 1, i - 1);
          setI(L, 1, i);
        }
      }
      setI(L, 1, pos);
      return 0;
    }
  }
  // general case: lengths or positions outside the safe range, wrap-around as in C
  const e = wrap(big(n) + 1n);
  let pos = e;
  if (nargs === 3) {
    pos = big(intArg(L, 2));
    L.argCheck(ucmpLt(wrap(pos - 1n), e), 2, 'position out of bounds');
    for (let i = e; i > pos; i--) {
      geti(L, 1, norm(i - 1n));
      seti(L, 1, norm(i));
    }
  }
  seti(L, 1, norm(pos));
  return 0;
};

const remove: HostFn = (L) => {
  const size = auxGetN(L, TAB_RW);
  let pos = optIntArg(L, 2, size);
  if (typeof size === 'number' && typeof pos === 'number') {
    if (pos !== size) L.argCheck(size >= 0 ? pos >= 1 && pos <= size + 1 : ucmpLe(BigInt(pos - 1), BigInt(size)), 1, 'position out of bounds');
    getI(L, 1, pos);
    const t = plainTable(L, 1);
    if (t !== 0 && pos < size) { shiftDown(L, t, pos, size); pos = size; }
    for (; pos < size; pos++) {
      getI(L, 1, pos + 1);
      setI(L, 1, pos);
    }
    L.pushNil();
    setI(L, 1, pos);
    return 1;
  }
  const sz = big(size);
  let p = big(pos);
  if (p !== sz) L.argCheck(ucmpLe(wrap(p - 1n), sz), 1, 'position out of bounds');
  geti(L, 1, norm(p));
  for (; p < sz; p++) {
    geti(L, 1, norm(p + 1n));
    seti(L, 1, norm(p));
  }
  L.pushNil();
  seti(L, 1, norm(p));
  return 1;
};

// ---------------------------------------------------------------------------------------
// move

const move: HostFn = (L) => {
  const f = intArg(L, 2);
  const e = intArg(L, 3);
  const t = intArg(L, 4);
  const tt = !L.isNoneOrNil(5) ? 5 : 1;
  checkTab(L, 1, TAB_R);
  checkTab(L, tt, TAB_W);
  if (big(e) >= big(f)) {
    const bf = big(f), be = big(e), bt = big(t);
    L.argCheck(bf > 0n || be < MAXI + bf, 3, 'too many elements to move');
    const n = be - bf + 1n;
    L.argCheck(bt <= MAXI - n + 1n, 4, 'destination wrap around');
    const forward = bt > be || bt <= bf || (tt !== 1 && !compare(L, 1, tt, 0));
    if (typeof f === 'number' && typeof t === 'number' && Number.isSafeInteger(t + Number(n))) {
      const cnt = Number(n);
      if (forward) {
        for (let i = 0; i < cnt; i++) { getI(L, 1, f + i); setI(L, tt, t + i); }
      } else {
        for (let i = cnt - 1; i >= 0; i--) { getI(L, 1, f + i); setI(L, tt, t + i); }
      }
    } else if (forward) {
      for (let i = 0n; i < n; i++) { geti(L, 1, norm(bf + i)); seti(L, tt, norm(bt + i)); }
    } else {
      for (let i = n - 1n; i >= 0n; i--) { geti(L, 1, norm(bf + i)); seti(L, tt, norm(bt + i)); }
    }
  }
  L.pushValue(tt);
  return 1;
};

// ---------------------------------------------------------------------------------------
// concat

function addField(L: LuaState, i: Int): string {
  if (typeof i === 'number') {
    // raw read of a string element: no stack traffic
    const t = plainTable(L, 1);
    if (t !== 0) {
      const q = L.heap.getInt(t, i) >> 2;
      if (L.i32[q + 2] === Tag.Str) return L.heap.str(L.i32[q]!);
    }
  }
  geti(L, 1, i);
  const tag = L.type(-1);
  if (tag !== Tag.Str && tag !== Tag.Int && tag !== Tag.Float) {
    L.errorMsg(`invalid value (${L.typeNameAt(-1)}) at index ${i} in table for 'concat'`);
  }
  const s = L.toStringX(-1)!;
  L.pop();
  return s;
}

const concat: HostFn = (L) => {
  let last = auxGetN(L, TAB_R);
  const sep = L.optString(2, '');
  let i = optIntArg(L, 3, 1);
  last = optIntArg(L, 4, last);
  const heap = L.heap;
  const parts: string[] = [];
  let total = 0;
  if (typeof i === 'number' && typeof last === 'number') {
    for (; i < last; i++) {
      const s = addField(L, i);
      total += s.length + sep.length;
      heap.reserveString(total);
      parts.push(s);
    }
    if (i === last) {
      const s = addField(L, i);
      total += s.length;
      heap.reserveString(total);
      parts.push(s);
    }
  } else {
    let bi = big(i);
    const bl = big(last);
    for (; bi < bl; bi++) {
      const s = addField(L, norm(bi));
      total += s.length + sep.length;
      heap.reserveString(total);
      parts.push(s);
    }
    if (bi === bl) {
      const s = addField(L, norm(bi));
      total += s.length;
      heap.reserveString(total);
      parts.push(s);
    }
  }
  L.pushString(parts.length === 1 ? parts[0]! : parts.join(sep));
  return 1;
};

// ---------------------------------------------------------------------------------------
// pack / unpack

const pack: HostFn = (L, _b, n) => {
  L.newTable(n, 1);
  L.insert(1);
  for (let i = n; i >= 1; i--) L.rawSetI(1, i);
  L.pushInteger(n);
  L.rawSetField(1, 'n');
  return 1;
};

const unpack: HostFn = (L) => {
  const i = optIntArg(L, 2, 1);
  const e = L.isNoneOrNil(3) ? lenOf(L, 1) : intArg(L, 3);
  const bi = big(i), be = big(e);
  if (bi > be) return 0;
  const n = BigInt.asUintN(64, be - bi); // elements minus 1
  if (n >= BigInt(INT_MAX) || L.top + EXTRA_STACK + Number(n) + 1 > MAXSTACK) {
    return L.errorMsg('too many results to unpack');
  }
  const cnt = Number(n) + 1;
  L.ensureSlots(L.top + cnt + EXTRA_STACK);
  if (typeof i === 'number' && typeof e === 'number') {
    for (let k = i; k <= e; k++) getI(L, 1, k);
  } else {
    for (let k = bi; k <= be; k++) geti(L, 1, norm(k));
  }
  return cnt;
};

// ---------------------------------------------------------------------------------------
// sort: ltablib's quicksort. The values being compared live on the Lua stack (GC roots), the
// table is at 1 and the comparator (or nil) at 2.

const RANLIMIT = 100;

/** l_randomizePivot: some bits that differ between runs (clock and time in C); the
 *  monotonic clock costs no system call and no object, unlike process.cpuUsage. */
function randomizePivot(): number {
  return (Math.floor(performance.now() * 1000) + Math.floor(Date.now() / 1000)) >>> 0;
}

/** a < b for two numbers of the same kind, without the generic comparison; -1 otherwise. */
function numLess(L: LuaState, a: number, b: number): number {
  const pa = L.ptr(a) >> 2, pb = L.ptr(b) >> 2;
  const i32 = L.i32;
  const ta = i32[pa + 2], tb = i32[pb + 2];
  if (ta === Tag.Int && tb === Tag.Int) {
    const ha = i32[pa + 1]!, hb = i32[pb + 1]!;
    if (ha !== hb) return ha < hb ? 1 : 0;
    return (i32[pa]! >>> 0) < (i32[pb]! >>> 0) ? 1 : 0;
  }
  if (ta === Tag.Float && tb === Tag.Float) return L.f64[pa >> 1]! < L.f64[pb >> 1]! ? 1 : 0;
  return -1;
}

// The sort primitives work on absolute stack slots: the table is at slot L.base (argument 1),
// the comparator at L.base + 1; every call keeps at most 7 values above them, within the
// MINSTACK slots a host function is given. A comparison is the hot path of a sort with a Lua
// comparator: no API index conversions, the three call slots written directly.

/** The table at slot L.base when it has no metatable (read and written directly), else 0. */
function sortPlainTable(L: LuaState): number {
  const tp = (L.stk + (L.base << 4)) >> 2;
  if (L.i32[tp + 2] !== Tag.Table) return 0;
  const t = L.i32[tp]!;
  return L.heap.getMetatable(t) === 0 ? t : 0;
}

/** lua_geti(1, i) pushed: the table read directly while it has no metatable. */
function sortGet(L: LuaState, i: number): void {
  const base = L.base;
  const t = sortPlainTable(L);
  if (t !== 0) {
    const h = L.heap, top = L.top;
    h.copy(L.stk + (top << 4), h.getInt(t, i));
    L.top = top + 1;
    return;
  }
  L.getI(1, i);
  L.base = base;
}

/** lua_seti(1, i) of the top value (popped). */
function sortSet(L: LuaState, i: number): void {
  const base = L.base;
  const t = sortPlainTable(L);
  if (t !== 0) {
    const top = L.top - 1;
    L.heap.setIntKey(t, i, L.stk + (top << 4));
    L.top = top;
    return;
  }
  L.setI(1, i);
  L.base = base;
}

/** sort_comp of the values at API indices a and b (negative: relative to the top). */
function sortComp(L: LuaState, a: number, b: number): boolean {
  const base = L.base, top = L.top;
  const h = L.heap;
  let stk = L.stk;
  const fp = stk + ((base + 1) << 4);
  if (L.i32[(fp >> 2) + 2] === Tag.Nil) {
    const r = numLess(L, a, b);
    return r >= 0 ? r === 1 : compare(L, a, b, 1);
  }
  const f = stk + (top << 4);
  h.copy(f, fp);
  h.copy(f + 16, stk + ((top + a) << 4));
  h.copy(f + 32, stk + ((top + b) << 4));
  L.top = top + 3;
  L.callValue(top, 1);
  L.base = base;
  stk = L.stk;
  const res = L.i32[((stk + (top << 4)) >> 2) + 2]! > Tag.False;
  L.top = top;
  return res;
}

function set2(L: LuaState, i: number, j: number): void {
  sortSet(L, i);
  sortSet(L, j);
}

function partition(L: LuaState, lo: number, up: number): number {
  let i = lo;
  let j = up - 1;
  for (;;) {
    while ((sortGet(L, ++i), sortComp(L, -1, -2))) {
      if (i === up - 1) L.errorMsg('invalid order function for sorting');
      L.top--;
    }
    while ((sortGet(L, --j), sortComp(L, -3, -1))) {
      if (j < i) L.errorMsg('invalid order function for sorting');
      L.top--;
    }
    if (j < i) {
      L.top--;
      set2(L, up - 1, i);
      return i;
    }
    set2(L, i, j);
  }
}

function choosePivot(lo: number, up: number, rnd: number): number {
  const r4 = Math.floor((up - lo) / 4);
  return (rnd % (r4 * 2)) + (lo + r4);
}

function auxSort(L: LuaState, lo: number, up: number, rnd: number): void {
  while (lo < up) {
    sortGet(L, lo);
    sortGet(L, up);
    if (sortComp(L, -1, -2)) set2(L, lo, up);
    else L.pop(2);
    if (up - lo === 1) return;
    let p: number;
    if (up - lo < RANLIMIT || rnd === 0) p = Math.floor((lo + up) / 2);
    else p = choosePivot(lo, up, rnd);
    sortGet(L, p);
    sortGet(L, lo);
    if (sortComp(L, -2, -1)) set2(L, p, lo);
    else {
      L.pop();
      sortGet(L, up);
      if (sortComp(L, -1, -2)) set2(L, p, up);
      else L.pop(2);
    }
    if (up - lo === 2) return;
    sortGet(L, p);
    L.pushValue(-1);
    sortGet(L, up - 1);
    set2(L, p, up - 1);
    p = partition(L, lo, up);
    let n: number;
    if (p - lo < up - p) {
      auxSort(L, lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxSort(L, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot();
  }
}

// ---- sort without a comparator over a plain table of numbers or of strings ---------------
// The same quicksort, swap for swap, on JS copies of the elements: nothing observable can
// happen between comparisons (no metamethods, no comparator), so only the final order (or
// the order at an 'invalid order function' error, which NaNs can provoke) must match, and
// it does because every comparison and swap is the one ltablib makes.

let SK: (number | string)[] = [];
let SLO = new Int32Array(0), SHI = new Int32Array(0), STG = new Int32Array(0);

function swapPlain(i: number, j: number): void {
  const k = SK[i]!; SK[i] = SK[j]!; SK[j] = k;
  let x = SLO[i]!; SLO[i] = SLO[j]!; SLO[j] = x;
  x = SHI[i]!; SHI[i] = SHI[j]!; SHI[j] = x;
  x = STG[i]!; STG[i] = STG[j]!; STG[j] = x;
}

function writeBack(L: LuaState, t: number, n: number): void {
  const h = L.heap, i32 = L.i32;
  for (let i = 1; i <= n; i++) {
    const q = h.getInt(t, i) >> 2;
    i32[q] = SLO[i]!; i32[q + 1] = SHI[i]!; i32[q + 2] = STG[i]!;
  }
}

class OrderError { }

function partitionPlain(lo: number, up: number): number {
  const k = SK;
  const P = k[up - 1]!;
  let i = lo, j = up - 1;
  for (;;) {
    while (k[++i]! < P) {
      if (i === up - 1) throw new OrderError();
    }
    while (P < k[--j]!) {
      if (j < i) throw new OrderError();
    }
    if (j < i) {
      swapPlain(up - 1, i);
      return i;
    }
    swapPlain(i, j);
  }
}

function auxSortPlain(lo: number, up: number, rnd: number): void {
  const k = SK;
  while (lo < up) {
    if (k[up]! < k[lo]!) swapPlain(lo, up);
    if (up - lo === 1) return;
    let p: number;
    if (up - lo < RANLIMIT || rnd === 0) p = Math.floor((lo + up) / 2);
    else p = choosePivot(lo, up, rnd);
    if (k[p]! < k[lo]!) swapPlain(p, lo);
    else if (k[up]! < k[p]!) swapPlain(p, up);
    if (up - lo === 2) return;
    swapPlain(p, up - 1);
    p = partitionPlain(lo, up);
    let n: number;
    if (p - lo < up - p) {
      auxSortPlain(lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxSortPlain(p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot();
  }
}

/** Sorts t[1..n] when t (at 1) has no metatable and holds only numbers (floats, or
 *  integers exactly representable as doubles) or only strings; false when not applicable. */
function sortPlain(L: LuaState, n: number): boolean {
  const t = plainTable(L, 1);
  if (t === 0) return false;
  const h = L.heap, i32 = L.i32, f64 = L.f64;
  if (SLO.length <= n) {
    const cap = Math.max(n + 1, SLO.length * 2);
    SLO = new Int32Array(cap); SHI = new Int32Array(cap); STG = new Int32Array(cap);
  }
  const keys: (number | string)[] = new Array(n + 1);
  keys[0] = 0;
  let kind = 0; // 1 numbers, 2 strings
  for (let i = 1; i <= n; i++) {
    const q = h.getInt(t, i) >> 2;
    const tag = i32[q + 2]!;
    const lo = i32[q]!, hi = i32[q + 1]!;
    if (tag === Tag.Int) {
      if (kind === 2) return false;
      kind = 1;
      if (hi === lo >> 31) keys[i] = lo;
      else if (hi >= -2097152 && hi < 2097152) keys[i] = hi * 4294967296 + (lo >>> 0);
      else return false;
    } else if (tag === Tag.Float) {
      if (kind === 2) return false;
      kind = 1;
      keys[i] = f64[q >> 1]!;
    } else if (tag === Tag.Str) {
      if (kind === 1) return false;
      kind = 2;
      keys[i] = h.str(lo);
    } else {
      return false;
    }
    SLO[i] = lo; SHI[i] = hi; STG[i] = tag;
  }
  SK = keys;
  try {
    auxSortPlain(1, n, 0);
  } catch (e) {
    if (!(e instanceof OrderError)) throw e;
    writeBack(L, t, n);
    SK = [];
    L.errorMsg('invalid order function for sorting');
  }
  writeBack(L, t, n);
  SK = [];
  return true;
}

const sort: HostFn = (L) => {
  const n = auxGetN(L, TAB_RW);
  if (n > 1) {
    L.argCheck(typeof n === 'number' && n < INT_MAX, 1, 'array too big');
    if (!L.isNoneOrNil(2)) {
      const t = L.type(2);
      if (t !== Tag.LFunc && t !== Tag.HFunc) L.typeError(2, 'function');
    }
    L.settop(2);
    if (!(L.type(2) === Tag.Nil && sortPlain(L, n as number))) auxSort(L, 1, n as number, 0);
  }
  return 0;
};

export function openTable(L: LuaState): number {
  L.newLib({ concat, insert, pack, unpack, remove, move, sort });
  return 1;
}
