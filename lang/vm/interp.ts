// The interpreter: one loop, one switch, registers read straight from the arena views.
//
// Frames live in the thread's CallInfo arrays (lang/vm/thread.ts). A Lua call pushes an entry
// and reloads the loop's locals (`continue newframe`); a return pops it. JS recursion happens
// only where PUC Lua recurses in C: host functions calling back into Lua, metamethods called
// from host code, and coroutine.resume (bounded by MAXCCALLS). pcall/xpcall (via callK),
// metamethods called by bytecode (FINISHOP frames) and iterators stay in the loop, so
// coroutines can yield through them.

import { Tag } from '../heap/tags.js';
import * as I64 from '../heap/int64.js';
import { Layout } from '../heap/layout.js';
import { str2number } from '../num/index.js';
import { Op, TM, Fmt } from './opcodes.js';
import {
  CALLK, CIF, CIST, ERRRUN, EXTRA_STACK, HOOK_CALL, HOOK_COUNT, HOOK_LINE, HookEvent, MAXCCALLS, MAXSTACK, MINSTACK,
  MULTRET, OK, YIELD,
} from './consts.js';
import type { LuaState, LuaThrow } from './state.js';
import type { HostFn } from './types.js';
import type { Proto } from '../compile/proto.js';
import * as M from './meta.js';
import * as D from './debug.js';

/** execute() results. */
export const enum Exec { RETURNED = 0, YIELDED = 1, BASE = 2 }

/** hostReturned() results. */
const enum HR { SAME = 0, NEW = 1, YIELD = 2, BASE = 3, UNHANDLED = 4 }

const TWO32 = 4294967296;

/** Run the current thread until the FRESH Lua frame on top returns (RETURNED), or — when
 *  resuming a coroutine — until it yields (YIELDED) or its body finishes (BASE).
 *  `resumeN` >= 0: the current frame is a host frame (coroutine.yield) that "returned" the
 *  top resumeN values. `hostN` flags that the current frame is a host main function. */
export function execute(L: LuaState, resume = false, resumeN = 0): Exec {
  const td = L.td;
  const boundary = resume ? 1 : td.ci;
  const cc = L.nCcalls, nny = td.nny;
  let err: LuaThrow | null = null;
  let unhandled: LuaThrow | null = null;
  for (;;) {
    try {
      if (err !== null) {
        const t = err;
        err = null;
        let ci = td.ci;
        while (ci >= boundary && !(td.cis[(ci << 4) | CIF.Flags]! & CIST.PCALL)) ci--;
        if (ci < boundary) { unhandled = t; break; }
        td.allowHook = !(td.cis[(ci << 4) | CIF.Flags]! & CIST.NOHOOK);
        const level = td.cis[(ci << 4) | CIF.Extra]!;
        if (L.recoverTo(t, ci, level, td.cis[(ci << 4) | CIF.Base]!, cc, nny, true)) {
          // close the variables through calls the frame makes, so that they can yield
          td.closeK.push(td.ciK[ci]!); td.closeCtx.push(td.ciCtx[ci]!); td.closeErr.push(td.errfunc);
          td.ciK[ci] = errCloseK; td.ciCtx[ci] = level;
        }
        const r = hostReturned(L, runK(L, ci, ERRRUN), -1);
        if (r === HR.YIELD) return Exec.YIELDED;
        if (r === HR.BASE) return Exec.BASE;
      } else if (resume) {
        const n = resumeN;
        resume = false;
        const r = hostReturned(L, n, -1);
        if (r === HR.YIELD) return Exec.YIELDED;
        if (r === HR.BASE) return Exec.BASE;
      }
      return run(L);
    } catch (e) {
      err = L.toThrow(e);
    }
  }
  throw unhandled;
}

/** Continuation of a PCALL frame closing to-be-closed variables at slots >= `level` after an
 *  error (ldo.c's finishpcallk with luaF_close): the error value is on top; each __close is
 *  called protected with it, and an error it raises replaces it. When none is left, the
 *  frame's own continuation gets the error at slot `level`. */
function errCloseK(L: LuaState, _status: number, level: number): number {
  const td = L.td, h = L.heap;
  if (td.tbc.length && td.tbc[td.tbc.length - 1]! >= level) {
    const s = td.tbc.pop()!;
    const tm = L.tmOf(L.slot(s), TM.CLOSE);
    L.ensureSlots(L.top + 3 + EXTRA_STACK);
    const f = L.top;
    h.copy(L.slot(f + 2), L.slot(f - 1));
    if (tm === 0) h.setNil(L.slot(f)); else h.copy(L.slot(f), tm);
    h.copy(L.slot(f + 1), L.slot(s));
    L.top = f + 3;
    const r = L.callK(2, 0, errCloseK, level, true);
    // the message handler of the pcall/xpcall stays in force while closing (as in PUC)
    const ci = td.ci;
    td.cis[(ci << 4) | CIF.OldErr] = td.errfunc;
    td.errfunc = td.closeErr[td.closeErr.length - 1]!;
    td.cis[(ci << 4) | CIF.Flags] |= CIST.XPCALL;
    return r;
  }
  h.copy(L.slot(level), L.slot(L.top - 1));
  L.top = level + 1;
  td.closeErr.pop();
  const k = td.closeK.pop()!, ctx = td.closeCtx.pop()!;
  return k(L, ERRRUN, ctx);
}

/** Call the continuation of the host frame `ci` whose callK call finished. */
function runK(L: LuaState, ci: number, status: number): number {
  const td = L.td;
  const flags = td.cis[(ci << 4) | CIF.Flags]!;
  if (flags & CIST.XPCALL) td.errfunc = td.cis[(ci << 4) | CIF.OldErr]!;
  if (flags & CIST.WAITK) L.nCcalls = td.cis[(ci << 4) | CIF.Cc]!;
  td.cis[(ci << 4) | CIF.Flags] = CIST.HOST | (flags & CIST.FINISHOP);
  L.base = td.cis[(ci << 4) | CIF.Base]!;
  return td.ciK[ci]!(L, status, td.ciCtx[ci]!);
}

/** Handle a host frame's return code `n` (the frame is td.ci). Loops through continuations
 *  until a Lua frame is on top (SAME if it is `callerCi`, else NEW), a yield, or the base. */
function hostReturned(L: LuaState, n: number, callerCi: number): HR {
  const td = L.td;
  for (;;) {
    if (n >= 0) {
      L.checkGC();
      const fin = td.cis[(td.ci << 4) | CIF.Flags]! & CIST.FINISHOP;
      L.poscall(td.ci, n);
      const ci = td.ci;
      if (td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) {
        // a host __close method returned (perhaps after a yield): repeat the CLOSE/RETURN
        if (fin) { finishOp(L, ci); return HR.NEW; }
        return ci === callerCi ? HR.SAME : HR.NEW;
      }
      if (ci === 0) return HR.BASE;
      n = runK(L, ci, OK);
      continue;
    }
    if (n === YIELD) return HR.YIELD;
    // CALLK: perform the prepared call. It counts as a C-level call (lua_callk/lua_pcallk
    // recurse in PUC), so nested pcalls end in "C stack overflow" at the same depth.
    const f = L.pendFunc, nres = L.pendNres;
    td.cis[(td.ci << 4) | CIF.Cc] = L.nCcalls;
    if (++L.nCcalls >= MAXCCALLS) L.checkCstack();
    for (;;) {
      const tag = L.tagAt(L.slot(f));
      if (tag === Tag.LFunc) { L.precallLua(f, nres, 0); return HR.NEW; }
      if (tag === Tag.HFunc) { n = callHost(L, f, nres); break; }
      L.tryFuncTM(f);
    }
  }
}

/** Push a host frame for the function at slot `func` and run it; returns its code. */
function callHost(L: LuaState, func: number, nres: number): number {
  const td = L.td;
  const ci = ++td.ci;
  if (ci >= td.cap) td.grow(ci + 1);
  td.cis[(ci << 4) | CIF.Func] = func;
  td.cis[(ci << 4) | CIF.Base] = func + 1;
  td.cis[(ci << 4) | CIF.Nres] = nres;
  td.cis[(ci << 4) | CIF.Flags] = CIST.HOST;
  td.ciK[ci] = null;
  L.base = func + 1;
  if (L.top + MINSTACK > L.stackSize) L.ensureSlots(L.top + MINSTACK);
  if (td.hookMask & HOOK_CALL) L.hookHostCall(func);
  const fn = L.heap.hostFunction(L.i32[(L.stk + (func << 4)) >> 2]!) as unknown as HostFn;
  return fn(L, func + 1, L.top - func - 1);
}

/** Without a JIT, budget or hook, every REFRAME_EVERY-th back-edge of a loop re-enters its
 *  frame (`continue newframe` at the same pc). V8 compiles `run` by on-stack replacement at
 *  whichever of its two loops is hot when it decides to: the inner dispatch loop, for a Lua
 *  loop without calls, makes every value it carries (pc, base, ...) a tagged phi checked and
 *  untagged at each instruction; the outer frame loop, once it also runs often, is chosen
 *  first (V8 arms the outermost loop first) and leaves those values plain int32s.
 *  Instructions, -joff: matmul -10%, sieve -7%, loops -5%. */
const REFRAME_EVERY = 256;

/** A loop's back-edge counter ran out: the arena word `idx` of the proto object, or with a
 *  budget hook the shared L.budgetIdx. Returns the pc to continue at (after re-entering the
 *  frame) when the hook ran a trace (the stack holds its results) or when the frame is
 *  re-entered at `pc` itself (REFRAME_EVERY), else -1. */
function backEdge(L: LuaState, protoRef: number, pc: number, idx: number): number {
  const h = L.hooks, hot = L.i32, shared = L.budgetIdx;
  let r = -1;
  // with a debug hook set, stay in the interpreter so line and count hooks see every step
  // (and look again a while later: the hook may be gone by then)
  if (h.hotLoop && L.td.hookMask === 0) r = h.hotLoop(protoRef, pc, hot, idx);
  else if (!h.hotLoop && !h.budget && L.td.hookMask === 0) { hot[idx] = REFRAME_EVERY; return pc; }
  else hot[idx] = h.hotLoop && L.td.hookMask !== 0 ? 1024 : 0x3fffffff;
  if (h.budget) {
    // a frame that started before the hook was set still uses its Proto's counters: count
    // its back-edges one by one into the shared one
    if (idx !== shared) { hot[idx] = 1; if (--hot[shared]! > 0 && r < 0) return r; }
    const want = hot[idx]!;
    budgetStep(L);
    // the JIT may want the next back-edge sooner (to enter a trace)
    if (idx === shared && want < hot[shared]!) hot[shared] = want;
  }
  return r;
}

/** Calls and tail calls count down L.loopCounter for the budget hook. */
function callCounted(L: LuaState): void {
  if (L.hooks.budget) budgetStep(L);
  else L.loopCounter = 0x3fffffff;
}

/** Runs the budget hook and restarts both countdowns at half the interval each, so calls plus
 *  back-edges (and a trace run, bounded by half too) stay within budgetInterval. */
function budgetStep(L: LuaState): void {
  const half = Math.max(1, L.budgetInterval >> 1);
  L.loopCounter = half;
  L.i32[L.budgetIdx] = half;
  L.hooks.budget!();
}


/** luaG_traceexec: before instruction `pc` of Lua frame `ci` while hooks are on. Calls the
 *  count hook every baseHookCount instructions and the line hook when the instruction starts
 *  a new line or the frame jumped back. Returns the frame's new 'trap' (0: no line or count
 *  hook, stop checking). */
function traceExec(L: LuaState, ci: number, pc: number, P: Proto): number {
  const td = L.td;
  const mask = td.hookMask;
  // a CLOSE/RETURN repeated after a __close call is not a new step (luaF_close loops in C)
  if (td.reexec) { td.reexec = false; return mask & (HOOK_LINE | HOOK_COUNT); }
  if (!(mask & (HOOK_LINE | HOOK_COUNT))) return 0;
  td.cis[(ci << 4) | CIF.Pc] = pc + 1; // hooks see the pc moved past the instruction, as after a fetch
  let countHook = false;
  if (mask & HOOK_COUNT && --td.hookCount === 0) { countHook = true; td.hookCount = td.baseHookCount; }
  if (!countHook && !(mask & HOOK_LINE)) return 1;
  if (countHook) L.runHook(HookEvent.COUNT, -1, 0, 0);
  if (mask & HOOK_LINE) {
    const li = P.lineInfo;
    const oldPc = td.oldPc < P.code.length ? td.oldPc : 0;
    // a backward jump (a loop) or a new line; without line info only the former
    if (pc <= oldPc || (li.length !== 0 && li[oldPc] !== li[pc])) {
      L.runHook(HookEvent.LINE, li.length !== 0 ? li[pc]! : -1, 0, 0);
    }
    td.oldPc = pc;
  }
  return 1;
}

/** A raw miss of string key `key` in table `t`: follows `__index` while it is a table, as
 *  getLoop does but without its generic key lookup and stack traffic (OOP code reads methods
 *  through class chains on every call). Returns the value's pointer, 0 for a nil result, or
 *  -1 when a function metamethod or a non-table is met (the caller takes getLoop's path,
 *  which starts again from the first table: table-only steps have no side effects). */
function indexChainStr(L: LuaState, t: number, key: number): number {
  const h = L.heap, i32 = L.i32;
  for (let loop = 0; loop < 100; loop++) {
    const mt = h.getMetatable(t);
    if (mt === 0) return 0;
    const tm = h.tm(mt, TM.INDEX);
    if (tm === 0) return 0;
    const tt = i32[(tm >> 2) + 2];
    if (tt === Tag.Nil) return 0;
    if (tt !== Tag.Table) return -1;
    t = i32[tm >> 2]!;
    const v = h.getStr(t, key);
    if (i32[(v >> 2) + 2] !== Tag.Nil) return v;
  }
  return -1;
}

/** Complete the instruction of Lua frame `ci` interrupted by a FINISHOP metamethod call whose
 *  result is at L.top-1 (luaV_finishOp). Returns true if it pushed another frame. */
function finishOp(L: LuaState, ci: number): boolean {
  const td = L.td;
  const P = D.protoOfCi(L, td, ci);
  const pc = td.cis[(ci << 4) | CIF.Pc]!;
  const inst = P.code[pc - 1]!;
  const op = inst & 0x7f;
  const base = td.cis[(ci << 4) | CIF.Base]!;
  const h = L.heap;
  switch (op) {
    case Op.MMBIN: case Op.MMBINI: case Op.MMBINK: {
      const a = (P.code[pc - 2]! >>> 7) & 0xff;
      h.copy(L.slot(base + a), L.slot(L.top - 1));
      return false;
    }
    case Op.UNM: case Op.BNOT: case Op.LEN: case Op.GETTABUP: case Op.GETTABLE: case Op.GETI:
    case Op.GETFIELD: case Op.SELF:
      h.copy(L.slot(base + ((inst >>> 7) & 0xff)), L.slot(L.top - 1));
      return false;
    case Op.LT: case Op.LE: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI: case Op.EQ: {
      let res = L.tagAt(L.slot(L.top - 1)) > Tag.False;
      if (td.cis[(ci << 4) | CIF.Flags]! & CIST.LEQ) { td.cis[(ci << 4) | CIF.Flags] &= ~CIST.LEQ; res = !res; }
      if ((res ? 1 : 0) !== ((inst >>> 15) & 1)) td.cis[(ci << 4) | CIF.Pc] = pc + 1;
      return false;
    }
    case Op.CLOSE: // a __close call returned: repeat to close the other variables
      td.cis[(ci << 4) | CIF.Pc] = pc - 1;
      td.reexec = td.hookMask !== 0;
      return false;
    case Op.RETURN: // the same, and the results are back below the top
      L.top = base + ((inst >>> 7) & 0xff) + td.ciCtx[ci]!;
      td.cis[(ci << 4) | CIF.Pc] = pc - 1;
      td.reexec = td.hookMask !== 0;
      return false;
    case Op.CONCAT: {
      const top = L.top - 1;
      const ra = base + ((inst >>> 7) & 0xff);
      const total = top - 1 - ra;
      h.copy(L.slot(top - 2), L.slot(top));
      L.top = top - 1;
      if (total > 1 && M.concatLoop(L, total, true)) return true;
      L.checkGC();
      return false;
    }
  }
  return false;
}

/** Calls __close of the newest pending to-be-closed variable of the running Lua frame (with
 *  a nil error) at the top of the stack. Functions run as FINISHOP frames, so they can yield
 *  (finishOp repeats the CLOSE or RETURN when they return): NEW when a Lua frame is to run,
 *  YIELD or BASE from a host function. Other callables run to completion: SAME. */
function callClose(L: LuaState): HR {
  const td = L.td, h = L.heap;
  const s = td.tbc.pop()!;
  const tm = L.tmOf(L.slot(s), TM.CLOSE);
  L.ensureSlots(L.top + 3 + EXTRA_STACK);
  const f = L.top;
  // a metamethod removed after the variable was marked is called as nil, as 5.4 does:
  // "attempt to call a nil value (metamethod 'close')"
  if (tm === 0) h.setNil(L.slot(f)); else h.copy(L.slot(f), tm);
  h.copy(L.slot(f + 1), L.slot(s));
  h.setNil(L.slot(f + 2));
  L.top = f + 3;
  const tag = L.tagAt(L.slot(f));
  if (tag === Tag.LFunc) {
    if (++L.nCcalls >= MAXCCALLS) L.checkCstack();
    L.precallLua(f, 0, CIST.FINISHOP);
    return HR.NEW;
  }
  if (tag === Tag.HFunc) {
    // e.g. __close = coroutine.yield
    const n = callHost(L, f, 0);
    td.cis[(td.ci << 4) | CIF.Flags] |= CIST.FINISHOP;
    return hostReturned(L, n, -1);
  }
  L.callValue(f, 0);
  L.top = f;
  return HR.SAME;
}

function forError(L: LuaState, p: number, what: string): never {
  return L.runError(`bad 'for' ${what} (number expected, got ${L.typeName(L.tagAt(p)) === 'nil' ? 'nil' : typeNameMeta(L, p)})`);
}
function typeNameMeta(L: LuaState, p: number): string {
  const mt = L.metatableOf(p);
  if (mt !== 0) {
    const n = L.heap.getStr(mt, L.heap.intern('__name'));
    if (L.tagAt(n) === Tag.Str) return L.heap.str(L.i32[n >> 2]!);
  }
  return L.typeName(L.tagAt(p));
}

/** tonumber for 'for' loops: numbers and numeric strings, as a float. */
function forNum(L: LuaState, p: number): number | undefined {
  const t = L.tagAt(p);
  if (t === Tag.Float) return L.f64[p >> 3]!;
  if (t === Tag.Int) return I64.toDouble(L.i32[p >> 2]!, L.i32[(p >> 2) + 1]!);
  if (t === Tag.Str) {
    const v = str2number(L.heap.str(L.i32[p >> 2]!));
    return v === undefined ? undefined : Number(v);
  }
  return undefined;
}

/** OP_FORPREP (lvm.c forprep): returns true to skip the loop. */
function forPrep(L: LuaState, ra: number): boolean {
  const i32 = L.i32, f64 = L.f64, h = L.heap;
  const pinit = ra, plimit = ra + 16, pstep = ra + 32;
  if (L.tagAt(pinit) === Tag.Int && L.tagAt(pstep) === Tag.Int && L.tagAt(plimit) === Tag.Int) {
    // all three fit in 32 bits: the count is exact in doubles
    const q0 = pinit >> 2, q1 = plimit >> 2, q2 = pstep >> 2;
    const a = i32[q0]!, b = i32[q1]!, c = i32[q2]!;
    if (i32[q0 + 1] === (a >> 31) && i32[q1 + 1] === (b >> 31) && i32[q2 + 1] === (c >> 31) && c !== 0) {
      h.copy(ra + 48, pinit);
      if (c > 0 ? a > b : a < b) return true;
      const count = c > 0 ? Math.floor((b - a) / c) : Math.floor((a - b) / -c);
      h.setInt(plimit, count);
      return false;
    }
  }
  if (L.tagAt(pinit) === Tag.Int && L.tagAt(pstep) === Tag.Int) {
    const init = I64.toBig(i32[pinit >> 2]!, i32[(pinit >> 2) + 1]!);
    const step = I64.toBig(i32[pstep >> 2]!, i32[(pstep >> 2) + 1]!);
    if (step === 0n) L.runError("'for' step is zero");
    h.copy(ra + 48, pinit);
    let limit: bigint;
    const lt = L.tagAt(plimit);
    let li: bigint | undefined;
    if (lt === Tag.Int) li = I64.toBig(i32[plimit >> 2]!, i32[(plimit >> 2) + 1]!);
    else {
      let fl: number | undefined;
      if (lt === Tag.Float) fl = f64[plimit >> 3]!;
      else if (lt === Tag.Str) {
        const v = str2number(h.str(i32[plimit >> 2]!));
        if (typeof v === 'bigint') li = v; else fl = v;
      }
      if (li === undefined) {
        if (fl === undefined) forError(L, plimit, 'limit');
        const r = step < 0n ? Math.ceil(fl) : Math.floor(fl);
        if (r >= -9223372036854775808 && r < 9223372036854775808) li = BigInt(r);
        else if (fl !== fl) return true;
        else if (fl > 0) { if (step < 0n) return true; li = 9223372036854775807n; }
        else { if (step > 0n) return true; li = -9223372036854775808n; }
      }
    }
    limit = li!;
    if (step > 0n ? init > limit : init < limit) return true;
    let count: bigint;
    if (step > 0n) {
      count = BigInt.asUintN(64, limit - init);
      if (step !== 1n) count /= BigInt.asUintN(64, step);
    } else {
      count = BigInt.asUintN(64, init - limit);
      count /= BigInt.asUintN(64, -(step + 1n)) + 1n;
    }
    h.setIntBig(plimit, BigInt.asIntN(64, count));
    return false;
  }
  const flimit = forNum(L, plimit);
  if (flimit === undefined) forError(L, plimit, 'limit');
  const step = forNum(L, pstep);
  if (step === undefined) forError(L, pstep, 'step');
  const init = forNum(L, pinit);
  if (init === undefined) forError(L, pinit, 'initial value');
  if (step === 0) L.runError("'for' step is zero");
  if (0 < step ? flimit < init : init < flimit) return true;
  h.setFloat(plimit, flimit);
  h.setFloat(pstep, step);
  h.setFloat(pinit, init);
  h.setFloat(ra + 48, init);
  return false;
}

function varargPrep(L: LuaState, ci: number, nfix: number, maxStack: number): void {
  const td = L.td, h = L.heap;
  const func = td.cis[(ci << 4) | CIF.Func]!;
  const actual = L.top - func - 1;
  const nextra = actual - nfix;
  td.cis[(ci << 4) | CIF.Extra] = nextra;
  const nf = L.top;
  L.ensureSlots(nf + 1 + maxStack + EXTRA_STACK);
  h.copy(L.slot(nf), L.slot(func));
  for (let i = 1; i <= nfix; i++) {
    h.copy(L.slot(nf + i), L.slot(func + i));
    h.setNil(L.slot(func + i));
  }
  td.cis[(ci << 4) | CIF.Func] = nf;
  td.cis[(ci << 4) | CIF.Base] = nf + 1;
  td.cis[(ci << 4) | CIF.Top] = nf + 1 + maxStack;
}

function isFalsy(tag: number): boolean { return tag <= Tag.False; }

/** The loop. Returns when a FRESH frame returns, or a yield / coroutine end reaches it. */
function run(L: LuaState): Exec {
  const h = L.heap;
  const td = L.td;
  newframe: for (;;) {
    const i32 = L.i32, f64 = L.f64;
    const ci = td.ci;
    const cl = td.cis[(ci << 4) | CIF.Cl]!;
    const pref = td.cis[(ci << 4) | CIF.Pref]!;
    // the heap's accessors read h.i32 again (map and bounds checks each time): the hot
    // paths of this loop read the arena through the local i32 instead. So does a frame's
    // entry: it needs no JS Proto (rare handlers look theirs up).
    // Instructions are fetched from the proto object's copy of the code: pc counts arena
    // words from cw, the CallInfo keeps it from 0.
    const cw = (pref + i32[(pref + Layout.P_CODE) >> 2]!) >> 2;
    // back-edge counters: this function's own, after its code and field caches (word hb + the
    // back-edge's pc), or with a budget hook (hmask 0) the one shared word
    const hmask = L.hotMask;
    const hb = hmask === 0 ? L.budgetIdx : (cw + 2 * i32[cw - 1]!) | 0;
    const kb = (pref + Layout.P_CONSTS) | 0; // h.protoConstants(pref)
    let base = td.cis[(ci << 4) | CIF.Base]!;
    let stk = L.stk;
    let bp = (stk + (base << 4)) | 0;
    let pc = (cw + td.cis[(ci << 4) | CIF.Pc]!) | 0;
    // hooks (PUC's 'trap'): nonzero while this frame may have line or count hooks to call
    let trap = td.hookMask;
    if (trap !== 0 && pc === cw) {
      // a vararg function's call hook runs after VARARGPREP
      if (i32[cw - 2]! & Layout.PF_VARARG) trap = 0;
      else { L.hookLuaCall(); trap = td.hookMask; stk = L.stk; bp = stk + (base << 4); }
    }
    for (;;) {
      if (trap !== 0) { trap = traceExec(L, ci, pc - cw, h.protoOf(pref)); stk = L.stk; bp = stk + (base << 4); }
      // `| 0`: pc stays an int32 (arena words), so V8 adds without an overflow check
      const i = i32[pc]!;
      pc = (pc + 1) | 0;
      // (A << 4) in one mask (B and C likewise in the handlers: (i >>> 12) & 0xff0 and
      // (i >>> 20) & 0xff0); `| 0` because arena offsets fit an int32, so V8 adds without an
      // overflow check
      const ra = (bp + ((i >>> 3) & 0xff0)) | 0;
      switch (i & 0x7f) {
        case Op.MOVE: {
          const s = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, d = ra >> 2;
          i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
          continue;
        }
        case Op.LOADI: {
          const v = (i >>> 15) - Fmt.OFFSET_sBx, d = ra >> 2;
          i32[d] = v; i32[d + 1] = v >> 31; i32[d + 2] = Tag.Int;
          continue;
        }
        case Op.LOADF: {
          f64[ra >> 3] = (i >>> 15) - Fmt.OFFSET_sBx; i32[(ra >> 2) + 2] = Tag.Float;
          continue;
        }
        case Op.LOADK: {
          const s = ((kb + ((i >>> 11) & 0x1ffff0)) | 0) >> 2, d = ra >> 2;
          i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
          continue;
        }
        case Op.LOADKX: {
          const s = (kb + (i32[pc++]! >>> 7) * 16) >> 2, d = ra >> 2;
          i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          continue;
        }
        case Op.LOADFALSE: i32[(ra >> 2) + 2] = Tag.False; continue;
        case Op.LFALSESKIP: i32[(ra >> 2) + 2] = Tag.False; pc = (pc + 1) | 0; continue;
        case Op.LOADTRUE: i32[(ra >> 2) + 2] = Tag.True; continue;
        case Op.LOADNIL: {
          for (let b = (i >>> 16) & 0xff, q = ra >> 2; b >= 0; b--, q += 4) i32[q + 2] = Tag.Nil;
          continue;
        }
        case Op.GETUPVAL: {
          // h.upvalPtr written out (the loop's own i32: see newframe)
          const uv = i32[(cl + Layout.CL_UPVALS + (((i >>> 16) & 0xff) << 2)) >> 2]!, th = i32[(uv + Layout.UV_THREAD) >> 2]!;
          const up = th === 0 ? uv + Layout.UV_VALUE : i32[(th + Layout.TH_STACK) >> 2]! + (i32[(uv + Layout.UV_SLOT) >> 2]! << 4);
          const s = up >> 2, d = ra >> 2;
          i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
          continue;
        }
        case Op.SETUPVAL: {
          const uv = i32[(cl + Layout.CL_UPVALS + (((i >>> 16) & 0xff) << 2)) >> 2]!, th = i32[(uv + Layout.UV_THREAD) >> 2]!;
          const up = th === 0 ? uv + Layout.UV_VALUE : i32[(th + Layout.TH_STACK) >> 2]! + (i32[(uv + Layout.UV_SLOT) >> 2]! << 4);
          const s = ra >> 2, d = up >> 2;
          i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
          continue;
        }
        case Op.GETTABUP: {
          const uv = i32[(cl + Layout.CL_UPVALS + (((i >>> 16) & 0xff) << 2)) >> 2]!, th = i32[(uv + Layout.UV_THREAD) >> 2]!;
          const up = th === 0 ? uv + Layout.UV_VALUE : i32[(th + Layout.TH_STACK) >> 2]! + (i32[(uv + Layout.UV_SLOT) >> 2]! << 4);
          const kp = (kb + ((i >>> 20) & 0xff0)) | 0;
          if (i32[(up >> 2) + 2] === Tag.Table) {
            const t = i32[up >> 2]!, key = i32[kp >> 2]!, tq = t >> 2;
            // the field cache, as in GETFIELD
            const nb = i32[tq + (Layout.T_NODE >> 2)]!;
            const fq = pc + i32[cw - 1]!; // its cache word: the code's length on from pc
            const off = i32[fq]!, nq = (nb + off) >> 2;
            let v: number;
            if (off < (Layout.NODE_SIZE << ((i32[tq + (Layout.T_FLAGS >> 2)]! >> 8) & 0xff)) && i32[nq] === key && i32[nq + 2] === Tag.Str) {
              v = nb + off + Layout.N_VAL;
            } else {
              v = h.getStr(t, key);
              if (v !== Layout.NIL_PTR) i32[fq] = v - Layout.N_VAL - nb;
            }
            if (i32[(v >> 2) + 2] !== Tag.Nil) {
              const s = v >> 2, d = ra >> 2;
              i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
              continue;
            }
            if (h.getMetatable(i32[up >> 2]!) === 0) { h.setNil(ra); continue; }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.getLoop(L, up, kp, base + ((i >>> 7) & 0xff), true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.GETTABLE: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0, rc = (bp + ((i >>> 20) & 0xff0)) | 0;
          if (i32[(rb >> 2) + 2] === Tag.Table) {
            const t = i32[rb >> 2]!, tq = t >> 2, ic = rc >> 2;
            let v: number;
            if (i32[ic + 2] === Tag.Int) {
              // the array part written out (V8's inlining budget is spent long before here)
              const lo = i32[ic]!, hi = i32[ic + 1]!;
              if (hi === 0 && lo > 0 && lo <= i32[tq + (Layout.T_ASIZE >> 2)]!) v = i32[tq + (Layout.T_ARRAY >> 2)]! + ((lo - 1) << 4);
              else v = h.getInt64(t, lo, hi);
            } else v = h.get(t, rc);
            if (i32[(v >> 2) + 2] !== Tag.Nil) {
              const s = v >> 2, d = ra >> 2;
              i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
              continue;
            }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.getLoop(L, rb, rc, base + ((i >>> 7) & 0xff), true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.GETI: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          if (i32[(rb >> 2) + 2] === Tag.Table) {
            const t = i32[rb >> 2]!, tq = t >> 2, c = i >>> 24;
            const v = c > 0 && c <= i32[tq + (Layout.T_ASIZE >> 2)]! ? i32[tq + (Layout.T_ARRAY >> 2)]! + ((c - 1) << 4) : h.getInt(t, c);
            if (i32[(v >> 2) + 2] !== Tag.Nil) {
              const s = v >> 2, d = ra >> 2;
              i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
              continue;
            }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          h.setInt(L.tmpPtr, i >>> 24);
          if (M.getLoop(L, rb, L.tmpPtr, base + ((i >>> 7) & 0xff), true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.GETFIELD: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          const kp = (kb + ((i >>> 20) & 0xff0)) | 0;
          if (i32[(rb >> 2) + 2] === Tag.Table) {
            const t = i32[rb >> 2]!, key = i32[kp >> 2]!, tq = t >> 2;
            // the node where this instruction found its key last time (tables built alike
            // have their keys at the same offsets), else the probe
            const nb = i32[tq + (Layout.T_NODE >> 2)]!;
            const fq = pc + i32[cw - 1]!; // its cache word: the code's length on from pc
            const off = i32[fq]!, nq = (nb + off) >> 2;
            let v: number;
            if (off < (Layout.NODE_SIZE << ((i32[tq + (Layout.T_FLAGS >> 2)]! >> 8) & 0xff)) && i32[nq] === key && i32[nq + 2] === Tag.Str) {
              v = nb + off + Layout.N_VAL;
            } else {
              v = h.getStr(t, key);
              if (v !== Layout.NIL_PTR) i32[fq] = v - Layout.N_VAL - nb;
            }
            if (i32[(v >> 2) + 2] !== Tag.Nil) {
              const s = v >> 2, d = ra >> 2;
              i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
              continue;
            }
            const w = indexChainStr(L, t, key);
            if (w > 0) { h.copy(ra, w); continue; }
            if (w === 0) { h.setNil(ra); continue; }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.getLoop(L, rb, kp, base + ((i >>> 7) & 0xff), true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.SETTABUP: {
          const uv = i32[(cl + Layout.CL_UPVALS + (((i >>> 7) & 0xff) << 2)) >> 2]!, th = i32[(uv + Layout.UV_THREAD) >> 2]!;
          const up = th === 0 ? uv + Layout.UV_VALUE : i32[(th + Layout.TH_STACK) >> 2]! + (i32[(uv + Layout.UV_SLOT) >> 2]! << 4);
          const kp = (kb + ((i >>> 12) & 0xff0)) | 0;
          const rc = (i & 0x8000) ? (kb + ((i >>> 20) & 0xff0)) | 0 : (bp + ((i >>> 20) & 0xff0)) | 0;
          if (i32[(up >> 2) + 2] === Tag.Table) {
            const v = h.getStr(i32[up >> 2]!, i32[kp >> 2]!);
            if (i32[(v >> 2) + 2] !== Tag.Nil) { const s = rc >> 2, d = v >> 2; i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!; continue; }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.setLoop(L, up, kp, rc, true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.SETTABLE: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          const rc = (i & 0x8000) ? (kb + ((i >>> 20) & 0xff0)) | 0 : (bp + ((i >>> 20) & 0xff0)) | 0;
          if (i32[(ra >> 2) + 2] === Tag.Table) {
            const t = i32[ra >> 2]!, tq = t >> 2, ib = rb >> 2;
            if (i32[ib + 2] === Tag.Int) {
              const lo = i32[ib]!, hi = i32[ib + 1]!;
              if (hi === 0 && lo > 0 && lo <= i32[tq + (Layout.T_ASIZE >> 2)]!) {
                // an array slot is written in place, even when empty, unless __newindex says
                // otherwise (as setIntKey would)
                const d = (i32[tq + (Layout.T_ARRAY >> 2)]! + ((lo - 1) << 4)) >> 2;
                let mt: number;
                if (i32[d + 2] !== Tag.Nil || (mt = i32[tq + (Layout.T_META >> 2)]!) === 0 || h.tm(mt, TM.NEWINDEX) === 0) {
                  const s = rc >> 2;
                  i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
                  continue;
                }
              }
              const v = h.getInt64(t, lo, hi);
              if (i32[(v >> 2) + 2] !== Tag.Nil) {
                const s = rc >> 2, d = v >> 2;
                i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
                continue;
              }
              if (hi === (lo >> 31)) {
                const mt = i32[tq + (Layout.T_META >> 2)]!;
                if (mt === 0 || h.tm(mt, TM.NEWINDEX) === 0) { td.cis[(ci << 4) | CIF.Pc] = pc - cw; h.setIntKey(t, lo, rc); continue; }
              }
            } else {
              const v = h.get(t, rb);
              if (i32[(v >> 2) + 2] !== Tag.Nil) { const s = rc >> 2, d = v >> 2; i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!; continue; }
            }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.setLoop(L, ra, rb, rc, true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.SETI: {
          const rc = (i & 0x8000) ? (kb + ((i >>> 20) & 0xff0)) | 0 : (bp + ((i >>> 20) & 0xff0)) | 0;
          const b = (i >>> 16) & 0xff;
          if (i32[(ra >> 2) + 2] === Tag.Table) {
            const t = i32[ra >> 2]!, tq = t >> 2;
            if (b > 0 && b <= i32[tq + (Layout.T_ASIZE >> 2)]!) {
              const d = (i32[tq + (Layout.T_ARRAY >> 2)]! + ((b - 1) << 4)) >> 2;
              let mt: number;
              if (i32[d + 2] !== Tag.Nil || (mt = i32[tq + (Layout.T_META >> 2)]!) === 0 || h.tm(mt, TM.NEWINDEX) === 0) {
                const s = rc >> 2;
                i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
                continue;
              }
            }
            const v = h.getInt(t, b);
            if (i32[(v >> 2) + 2] !== Tag.Nil) {
              const s = rc >> 2, d = v >> 2;
              i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
              continue;
            }
            const mt = i32[tq + (Layout.T_META >> 2)]!;
            if (mt === 0 || h.tm(mt, TM.NEWINDEX) === 0) { td.cis[(ci << 4) | CIF.Pc] = pc - cw; h.setIntKey(t, b, rc); continue; }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          h.setInt(L.tmpPtr, b);
          if (M.setLoop(L, ra, L.tmpPtr, rc, true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.SETFIELD: {
          const kp = (kb + ((i >>> 12) & 0xff0)) | 0;
          const rc = (i & 0x8000) ? (kb + ((i >>> 20) & 0xff0)) | 0 : (bp + ((i >>> 20) & 0xff0)) | 0;
          if (i32[(ra >> 2) + 2] === Tag.Table) {
            const t = i32[ra >> 2]!, key = i32[kp >> 2]!, tq = t >> 2;
            // the field cache, as in GETFIELD
            const nb = i32[tq + (Layout.T_NODE >> 2)]!;
            const fq = pc + i32[cw - 1]!; // its cache word: the code's length on from pc
            const off = i32[fq]!, nq = (nb + off) >> 2;
            let v: number;
            if (off < (Layout.NODE_SIZE << ((i32[tq + (Layout.T_FLAGS >> 2)]! >> 8) & 0xff)) && i32[nq] === key && i32[nq + 2] === Tag.Str) {
              v = nb + off + Layout.N_VAL;
            } else {
              v = h.getStr(t, key);
              if (v !== Layout.NIL_PTR) i32[fq] = v - Layout.N_VAL - nb;
            }
            if (i32[(v >> 2) + 2] !== Tag.Nil) {
              const s = rc >> 2, d = v >> 2;
              i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
              continue;
            }
            // objects with a class metatable but no __newindex get new fields raw
            const mt = h.getMetatable(t);
            if (mt === 0 || h.tm(mt, TM.NEWINDEX) === 0) { td.cis[(ci << 4) | CIF.Pc] = pc - cw; h.setStrKey(t, i32[kp >> 2]!, rc); continue; }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.setLoop(L, ra, kp, rc, true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.NEWTABLE: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          let b = (i >>> 16) & 0xff;
          let c = i >>> 24;
          if (b > 0) b = 1 << (b - 1);
          if (i & 0x8000) c += (i32[pc]! >>> 7) * (Fmt.MAXARG_C + 1);
          pc = (pc + 1) | 0;
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const t = h.newTable(c, b);
          h.setObj(ra, Tag.Table, t);
          L.top = base + ((i >>> 7) & 0xff) + 1;
          L.checkGC();
          continue;
        }
        case Op.SELF: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          const kp = (i & 0x8000) ? (kb + ((i >>> 20) & 0xff0)) | 0 : (bp + ((i >>> 20) & 0xff0)) | 0;
          { const s = rb >> 2, d = (ra >> 2) + 4; i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!; }
          // index through R[B] (same value) so an error names the right register
          if (i32[(rb >> 2) + 2] === Tag.Table && i32[(kp >> 2) + 2] === Tag.Str) {
            const t = i32[rb >> 2]!, key = i32[kp >> 2]!;
            const v = h.getStr(t, key);
            if (i32[(v >> 2) + 2] !== Tag.Nil) { const s = v >> 2, d = ra >> 2; i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!; continue; }
            const w = indexChainStr(L, t, key);
            if (w > 0) { h.copy(ra, w); continue; }
            if (w === 0) { h.setNil(ra); continue; }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.getLoop(L, rb, kp, base + ((i >>> 7) & 0xff), true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.ADDI: {
          const rb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2;
          const imm = (i >>> 24) - Fmt.OFFSET_sC;
          const tb = i32[rb + 2];
          const d = ra >> 2;
          if (tb === Tag.Int) {
            const lo = i32[rb]!, hi = i32[rb + 1]!;
            if (hi === (lo >> 31)) {
              const s = lo + imm;
              i32[d] = s | 0; i32[d + 1] = s === (s | 0) ? s >> 31 : (s < 0 ? -1 : 0); i32[d + 2] = Tag.Int;
            } else {
              I64.add(lo, hi, imm, imm >> 31);
              i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI; i32[d + 2] = Tag.Int;
            }
            pc = (pc + 1) | 0;
          } else if (tb === Tag.Float) {
            f64[ra >> 3] = f64[rb >> 1]! + imm; i32[d + 2] = Tag.Float;
            pc = (pc + 1) | 0;
          }
          continue;
        }
        case Op.ADD: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((bp + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = f64[qb >> 1]! + f64[qc >> 1]!; i32[(ra >> 2) + 2] = Tag.Float;
          } else if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, bhi = i32[qb + 1]!, clo = i32[qc]!, chi = i32[qc + 1]!;
            const d = ra >> 2;
            if (((bhi ^ (blo >> 31)) | (chi ^ (clo >> 31))) === 0) {
              const s = blo + clo;
              i32[d] = s | 0; i32[d + 1] = s === (s | 0) ? s >> 31 : (s < 0 ? -1 : 0);
            } else {
              I64.add(blo, bhi, clo, chi);
              i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI;
            }
            i32[d + 2] = Tag.Int;
          } else if ((tb === Tag.Float || tb === Tag.Int) && (tc === Tag.Float || tc === Tag.Int)) {
            f64[ra >> 3] = (tb === Tag.Float ? f64[qb >> 1]! : i32[qb + 1]! * TWO32 + (i32[qb]! >>> 0)) + (tc === Tag.Float ? f64[qc >> 1]! : i32[qc + 1]! * TWO32 + (i32[qc]! >>> 0)); i32[(ra >> 2) + 2] = Tag.Float;
          } else continue; // not numbers: the MMBIN that follows
          pc = (pc + 1) | 0;
          continue;
        }
        case Op.ADDK: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((kb + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = f64[qb >> 1]! + f64[qc >> 1]!; i32[(ra >> 2) + 2] = Tag.Float;
          } else if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, bhi = i32[qb + 1]!, clo = i32[qc]!, chi = i32[qc + 1]!;
            const d = ra >> 2;
            if (((bhi ^ (blo >> 31)) | (chi ^ (clo >> 31))) === 0) {
              const s = blo + clo;
              i32[d] = s | 0; i32[d + 1] = s === (s | 0) ? s >> 31 : (s < 0 ? -1 : 0);
            } else {
              I64.add(blo, bhi, clo, chi);
              i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI;
            }
            i32[d + 2] = Tag.Int;
          } else if ((tb === Tag.Float || tb === Tag.Int) && (tc === Tag.Float || tc === Tag.Int)) {
            f64[ra >> 3] = (tb === Tag.Float ? f64[qb >> 1]! : i32[qb + 1]! * TWO32 + (i32[qb]! >>> 0)) + (tc === Tag.Float ? f64[qc >> 1]! : i32[qc + 1]! * TWO32 + (i32[qc]! >>> 0)); i32[(ra >> 2) + 2] = Tag.Float;
          } else continue; // not numbers: the MMBIN that follows
          pc = (pc + 1) | 0;
          continue;
        }
        case Op.SUB: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((bp + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = f64[qb >> 1]! - f64[qc >> 1]!; i32[(ra >> 2) + 2] = Tag.Float;
          } else if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, bhi = i32[qb + 1]!, clo = i32[qc]!, chi = i32[qc + 1]!;
            const d = ra >> 2;
            if (((bhi ^ (blo >> 31)) | (chi ^ (clo >> 31))) === 0) {
              const s = blo - clo;
              i32[d] = s | 0; i32[d + 1] = s === (s | 0) ? s >> 31 : (s < 0 ? -1 : 0);
            } else {
              I64.sub(blo, bhi, clo, chi);
              i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI;
            }
            i32[d + 2] = Tag.Int;
          } else if ((tb === Tag.Float || tb === Tag.Int) && (tc === Tag.Float || tc === Tag.Int)) {
            f64[ra >> 3] = (tb === Tag.Float ? f64[qb >> 1]! : i32[qb + 1]! * TWO32 + (i32[qb]! >>> 0)) - (tc === Tag.Float ? f64[qc >> 1]! : i32[qc + 1]! * TWO32 + (i32[qc]! >>> 0)); i32[(ra >> 2) + 2] = Tag.Float;
          } else continue; // not numbers: the MMBIN that follows
          pc = (pc + 1) | 0;
          continue;
        }
        case Op.SUBK: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((kb + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = f64[qb >> 1]! - f64[qc >> 1]!; i32[(ra >> 2) + 2] = Tag.Float;
          } else if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, bhi = i32[qb + 1]!, clo = i32[qc]!, chi = i32[qc + 1]!;
            const d = ra >> 2;
            if (((bhi ^ (blo >> 31)) | (chi ^ (clo >> 31))) === 0) {
              const s = blo - clo;
              i32[d] = s | 0; i32[d + 1] = s === (s | 0) ? s >> 31 : (s < 0 ? -1 : 0);
            } else {
              I64.sub(blo, bhi, clo, chi);
              i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI;
            }
            i32[d + 2] = Tag.Int;
          } else if ((tb === Tag.Float || tb === Tag.Int) && (tc === Tag.Float || tc === Tag.Int)) {
            f64[ra >> 3] = (tb === Tag.Float ? f64[qb >> 1]! : i32[qb + 1]! * TWO32 + (i32[qb]! >>> 0)) - (tc === Tag.Float ? f64[qc >> 1]! : i32[qc + 1]! * TWO32 + (i32[qc]! >>> 0)); i32[(ra >> 2) + 2] = Tag.Float;
          } else continue; // not numbers: the MMBIN that follows
          pc = (pc + 1) | 0;
          continue;
        }
        case Op.MUL: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((bp + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = f64[qb >> 1]! * f64[qc >> 1]!; i32[(ra >> 2) + 2] = Tag.Float;
          } else if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, bhi = i32[qb + 1]!, clo = i32[qc]!, chi = i32[qc + 1]!;
            const d = ra >> 2;
            if (((bhi ^ (blo >> 31)) | (chi ^ (clo >> 31))) === 0) {
              const s = blo * clo;
              if (s === (s | 0)) { i32[d] = s; i32[d + 1] = s >> 31; }
              else if (s < 9007199254740992 && s > -9007199254740992) { i32[d] = s | 0; i32[d + 1] = Math.floor(s / TWO32) | 0; }
              else { I64.mul(blo, bhi, clo, chi); i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI; }
            } else {
              I64.mul(blo, bhi, clo, chi);
              i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI;
            }
            i32[d + 2] = Tag.Int;
          } else if ((tb === Tag.Float || tb === Tag.Int) && (tc === Tag.Float || tc === Tag.Int)) {
            f64[ra >> 3] = (tb === Tag.Float ? f64[qb >> 1]! : i32[qb + 1]! * TWO32 + (i32[qb]! >>> 0)) * (tc === Tag.Float ? f64[qc >> 1]! : i32[qc + 1]! * TWO32 + (i32[qc]! >>> 0)); i32[(ra >> 2) + 2] = Tag.Float;
          } else continue; // not numbers: the MMBIN that follows
          pc = (pc + 1) | 0;
          continue;
        }
        case Op.MULK: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((kb + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = f64[qb >> 1]! * f64[qc >> 1]!; i32[(ra >> 2) + 2] = Tag.Float;
          } else if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, bhi = i32[qb + 1]!, clo = i32[qc]!, chi = i32[qc + 1]!;
            const d = ra >> 2;
            if (((bhi ^ (blo >> 31)) | (chi ^ (clo >> 31))) === 0) {
              const s = blo * clo;
              if (s === (s | 0)) { i32[d] = s; i32[d + 1] = s >> 31; }
              else if (s < 9007199254740992 && s > -9007199254740992) { i32[d] = s | 0; i32[d + 1] = Math.floor(s / TWO32) | 0; }
              else { I64.mul(blo, bhi, clo, chi); i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI; }
            } else {
              I64.mul(blo, bhi, clo, chi);
              i32[d] = I64.RES_LO; i32[d + 1] = I64.RES_HI;
            }
            i32[d + 2] = Tag.Int;
          } else if ((tb === Tag.Float || tb === Tag.Int) && (tc === Tag.Float || tc === Tag.Int)) {
            f64[ra >> 3] = (tb === Tag.Float ? f64[qb >> 1]! : i32[qb + 1]! * TWO32 + (i32[qb]! >>> 0)) * (tc === Tag.Float ? f64[qc >> 1]! : i32[qc + 1]! * TWO32 + (i32[qc]! >>> 0)); i32[(ra >> 2) + 2] = Tag.Float;
          } else continue; // not numbers: the MMBIN that follows
          pc = (pc + 1) | 0;
          continue;
        }
        case Op.MOD: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((bp + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, clo = i32[qc]!;
            if (((i32[qb + 1]! ^ (blo >> 31)) | (i32[qc + 1]! ^ (clo >> 31))) === 0 && clo > 0) {
              let r = blo % clo; if (r < 0) r += clo;
              const d = ra >> 2;
              i32[d] = r; i32[d + 1] = r >> 31; i32[d + 2] = Tag.Int;
              pc = (pc + 1) | 0;
              continue;
            }
          } else if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = M.fmodLua(f64[qb >> 1]!, f64[qc >> 1]!); i32[(ra >> 2) + 2] = Tag.Float;
            pc = (pc + 1) | 0;
            continue;
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          if (M.rawArith(L, TM.MOD, qb << 2, qc << 2, ra)) pc = (pc + 1) | 0;
          continue;
        }
        case Op.MODK: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((kb + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, clo = i32[qc]!;
            if (((i32[qb + 1]! ^ (blo >> 31)) | (i32[qc + 1]! ^ (clo >> 31))) === 0 && clo > 0) {
              let r = blo % clo; if (r < 0) r += clo;
              const d = ra >> 2;
              i32[d] = r; i32[d + 1] = r >> 31; i32[d + 2] = Tag.Int;
              pc = (pc + 1) | 0;
              continue;
            }
          } else if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = M.fmodLua(f64[qb >> 1]!, f64[qc >> 1]!); i32[(ra >> 2) + 2] = Tag.Float;
            pc = (pc + 1) | 0;
            continue;
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          if (M.rawArith(L, TM.MOD, qb << 2, qc << 2, ra)) pc = (pc + 1) | 0;
          continue;
        }
        case Op.IDIV: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((bp + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, clo = i32[qc]!;
            if (((i32[qb + 1]! ^ (blo >> 31)) | (i32[qc + 1]! ^ (clo >> 31))) === 0 && clo > 0) {
              const r = Math.floor(blo / clo);
              const d = ra >> 2;
              i32[d] = r; i32[d + 1] = r >> 31; i32[d + 2] = Tag.Int;
              pc = (pc + 1) | 0;
              continue;
            }
          } else if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = Math.floor(f64[qb >> 1]! / f64[qc >> 1]!); i32[(ra >> 2) + 2] = Tag.Float;
            pc = (pc + 1) | 0;
            continue;
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          if (M.rawArith(L, TM.IDIV, qb << 2, qc << 2, ra)) pc = (pc + 1) | 0;
          continue;
        }
        case Op.IDIVK: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((kb + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if (tb === Tag.Int && tc === Tag.Int) {
            const blo = i32[qb]!, clo = i32[qc]!;
            if (((i32[qb + 1]! ^ (blo >> 31)) | (i32[qc + 1]! ^ (clo >> 31))) === 0 && clo > 0) {
              const r = Math.floor(blo / clo);
              const d = ra >> 2;
              i32[d] = r; i32[d + 1] = r >> 31; i32[d + 2] = Tag.Int;
              pc = (pc + 1) | 0;
              continue;
            }
          } else if (tb === Tag.Float && tc === Tag.Float) {
            f64[ra >> 3] = Math.floor(f64[qb >> 1]! / f64[qc >> 1]!); i32[(ra >> 2) + 2] = Tag.Float;
            pc = (pc + 1) | 0;
            continue;
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          if (M.rawArith(L, TM.IDIV, qb << 2, qc << 2, ra)) pc = (pc + 1) | 0;
          continue;
        }
        case Op.DIV: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((bp + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if ((tb === Tag.Float || tb === Tag.Int) && (tc === Tag.Float || tc === Tag.Int)) {
            f64[ra >> 3] = (tb === Tag.Float ? f64[qb >> 1]! : i32[qb + 1]! * TWO32 + (i32[qb]! >>> 0)) / (tc === Tag.Float ? f64[qc >> 1]! : i32[qc + 1]! * TWO32 + (i32[qc]! >>> 0)); i32[(ra >> 2) + 2] = Tag.Float;
            pc = (pc + 1) | 0;
          }
          continue;
        }
        case Op.DIVK: {
          const qb = ((bp + ((i >>> 12) & 0xff0)) | 0) >> 2, qc = ((kb + ((i >>> 20) & 0xff0)) | 0) >> 2;
          const tb = i32[qb + 2], tc = i32[qc + 2];
          if ((tb === Tag.Float || tb === Tag.Int) && (tc === Tag.Float || tc === Tag.Int)) {
            f64[ra >> 3] = (tb === Tag.Float ? f64[qb >> 1]! : i32[qb + 1]! * TWO32 + (i32[qb]! >>> 0)) / (tc === Tag.Float ? f64[qc >> 1]! : i32[qc + 1]! * TWO32 + (i32[qc]! >>> 0)); i32[(ra >> 2) + 2] = Tag.Float;
            pc = (pc + 1) | 0;
          }
          continue;
        }
        case Op.POWK: case Op.BANDK: case Op.BORK: case Op.BXORK: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          if (M.rawArith(L, (i & 0x7f) - Op.ADDK + TM.ADD, (bp + ((i >>> 12) & 0xff0)) | 0, (kb + ((i >>> 20) & 0xff0)) | 0, ra)) pc = (pc + 1) | 0;
          continue;
        }
        case Op.SHRI: case Op.SHLI: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          h.setInt(L.tmpPtr, (i >>> 24) - Fmt.OFFSET_sC);
          const ok = (i & 0x7f) === Op.SHRI
            ? M.rawArith(L, TM.SHR, rb, L.tmpPtr, ra)
            : M.rawArith(L, TM.SHL, L.tmpPtr, rb, ra);
          if (ok) pc = (pc + 1) | 0;
          continue;
        }
        case Op.POW: case Op.BAND: case Op.BOR: case Op.BXOR: case Op.SHL: case Op.SHR: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          if (M.rawArith(L, (i & 0x7f) - Op.ADD + TM.ADD, (bp + ((i >>> 12) & 0xff0)) | 0, (bp + ((i >>> 20) & 0xff0)) | 0, ra)) pc = (pc + 1) | 0;
          continue;
        }
        case Op.MMBIN: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          const dst = base + ((i32[pc - 2]! >>> 7) & 0xff);
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.arithTM(L, i >>> 24, ra, rb, dst, true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.MMBINI: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const dst = base + ((i32[pc - 2]! >>> 7) & 0xff);
          h.setInt(L.tmpPtr, ((i >>> 16) & 0xff) - Fmt.OFFSET_sC);
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          const r = (i & 0x8000)
            ? M.arithTM(L, i >>> 24, L.tmpPtr, ra, dst, true)
            : M.arithTM(L, i >>> 24, ra, L.tmpPtr, dst, true);
          if (r) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.MMBINK: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const dst = base + ((i32[pc - 2]! >>> 7) & 0xff);
          const kp = (kb + ((i >>> 12) & 0xff0)) | 0;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          const r = (i & 0x8000)
            ? M.arithTM(L, i >>> 24, kp, ra, dst, true)
            : M.arithTM(L, i >>> 24, ra, kp, dst, true);
          if (r) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.UNM: case Op.BNOT: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          const ev = (i & 0x7f) === Op.UNM ? TM.UNM : TM.BNOT;
          if (M.rawArith(L, ev, rb, rb, ra)) continue;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.arithTM(L, ev, rb, rb, base + ((i >>> 7) & 0xff), true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.NOT: {
          i32[(ra >> 2) + 2] = i32[(((bp + ((i >>> 12) & 0xff0)) | 0) >> 2) + 2]! <= Tag.False ? Tag.True : Tag.False;
          continue;
        }
        case Op.LEN: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          if (i32[(rb >> 2) + 2] === Tag.Table) {
            const t = i32[rb >> 2]!;
            const mt = h.getMetatable(t);
            if (mt === 0 || h.tm(mt, TM.LEN) === 0) { h.setInt(ra, h.length(t)); continue; }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          if (M.lenLoop(L, rb, base + ((i >>> 7) & 0xff), true)) continue newframe;
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.CONCAT: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const n = (i >>> 16) & 0xff;
          L.top = base + ((i >>> 7) & 0xff) + n;
          if (M.concatLoop(L, n, true)) continue newframe;
          L.checkGC();
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.CLOSE: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const level = base + ((i >>> 7) & 0xff);
          L.closeUpvals(level);
          if (td.tbc.length && td.tbc[td.tbc.length - 1]! >= level) {
            // one variable at a time; the instruction repeats until none is left
            L.top = td.cis[(ci << 4) | CIF.Top]!;
            const r = callClose(L);
            if (r === HR.NEW) continue newframe;
            if (r === HR.YIELD) return Exec.YIELDED;
            if (r === HR.BASE) return Exec.BASE;
            stk = L.stk; bp = stk + (base << 4);
            pc = (pc - 1) | 0;
            td.reexec = trap !== 0;
          }
          continue;
        }
        case Op.TBC: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const tag = i32[(ra >> 2) + 2]!;
          if (tag > Tag.False) {
            if (L.tmOf(ra, TM.CLOSE) === 0) D.closeError(L, base + ((i >>> 7) & 0xff));
            td.tbc.push(base + ((i >>> 7) & 0xff));
          }
          continue;
        }
        case Op.JMP: {
          const sj = (i >>> 7) - Fmt.OFFSET_sJ;
          if (sj < 0) {
            const e = hb + ((pc - 1 - cw) & hmask); // this back-edge's counter
            pc = (pc + sj) | 0;
            if (--i32[e]! <= 0) {
              td.cis[(ci << 4) | CIF.Pc] = pc - cw;
              const np = backEdge(L, pref, pc - cw, e);
              if (np >= 0) { td.cis[(ci << 4) | CIF.Pc] = np; continue newframe; }
            }
            continue;
          }
          pc = (pc + sj) | 0;
          continue;
        }
        case Op.EQ: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          const ia = ra >> 2, ib = rb >> 2;
          const ta = i32[ia + 2], tb = i32[ib + 2];
          let r: number;
          if (ta === Tag.Int && tb === Tag.Int) r = (i32[ia] === i32[ib] && i32[ia + 1] === i32[ib + 1]) ? 1 : 0;
          else if (ta === Tag.Float && tb === Tag.Float) r = f64[ra >> 3]! === f64[rb >> 3]! ? 1 : 0;
          else {
            td.cis[(ci << 4) | CIF.Pc] = pc - cw;
            L.top = td.cis[(ci << 4) | CIF.Top]!;
            r = M.eqLoop(L, ra, rb, true);
            if (r === 2) continue newframe;
            stk = L.stk; bp = stk + (base << 4);
          }
          if (r !== ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.LT: case Op.LE: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          const ia = ra >> 2, ib = rb >> 2;
          const ta = i32[ia + 2], tb = i32[ib + 2];
          const le = (i & 0x7f) === Op.LE;
          let r: number;
          if (ta === Tag.Float && tb === Tag.Float) {
            r = (le ? f64[ra >> 3]! <= f64[rb >> 3]! : f64[ra >> 3]! < f64[rb >> 3]!) ? 1 : 0;
          } else if (ta === Tag.Int && tb === Tag.Int) {
            const alo = i32[ia]!, ahi = i32[ia + 1]!, blo = i32[ib]!, bhi = i32[ib + 1]!;
            if (((ahi ^ (alo >> 31)) | (bhi ^ (blo >> 31))) === 0) r = (le ? alo <= blo : alo < blo) ? 1 : 0;
            else r = (le ? I64.le(alo, ahi, blo, bhi) : I64.lt(alo, ahi, blo, bhi)) ? 1 : 0;
          } else {
            td.cis[(ci << 4) | CIF.Pc] = pc - cw;
            L.top = td.cis[(ci << 4) | CIF.Top]!;
            r = M.orderLoop(L, ra, rb, le, true);
            if (r === 2) continue newframe;
            stk = L.stk; bp = stk + (base << 4);
          }
          if (r !== ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.EQK: {
          const r = h.rawEquals(ra, (kb + ((i >>> 12) & 0xff0)) | 0) ? 1 : 0;
          if (r !== ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.EQI: {
          const imm = ((i >>> 16) & 0xff) - Fmt.OFFSET_sC;
          const ia = ra >> 2;
          const ta = i32[ia + 2];
          let r = 0;
          if (ta === Tag.Int) r = (i32[ia] === imm && i32[ia + 1] === (imm >> 31)) ? 1 : 0;
          else if (ta === Tag.Float) r = f64[ra >> 3] === imm ? 1 : 0;
          if (r !== ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.LTI: {
          const imm = ((i >>> 16) & 0xff) - Fmt.OFFSET_sC;
          const ia = ra >> 2;
          const ta = i32[ia + 2];
          let r: number;
          if (ta === Tag.Int) {
            const lo = i32[ia]!, hi = i32[ia + 1]!;
            r = (hi === (lo >> 31) ? lo < imm : hi < 0) ? 1 : 0;
          } else if (ta === Tag.Float) r = f64[ra >> 3]! < imm ? 1 : 0;
          else {
            const tp = L.tmpPtr;
            if (i >>> 24) h.setFloat(tp, imm); else h.setInt(tp, imm);
            td.cis[(ci << 4) | CIF.Pc] = pc - cw;
            L.top = td.cis[(ci << 4) | CIF.Top]!;
            r = M.orderLoop(L, ra, tp, false, true);
            if (r === 2) continue newframe;
            stk = L.stk; bp = stk + (base << 4);
          }
          if (r !== ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.LEI: {
          const imm = ((i >>> 16) & 0xff) - Fmt.OFFSET_sC;
          const ia = ra >> 2;
          const ta = i32[ia + 2];
          let r: number;
          if (ta === Tag.Int) {
            const lo = i32[ia]!, hi = i32[ia + 1]!;
            r = (hi === (lo >> 31) ? lo <= imm : hi < 0) ? 1 : 0;
          } else if (ta === Tag.Float) r = f64[ra >> 3]! <= imm ? 1 : 0;
          else {
            const tp = L.tmpPtr;
            if (i >>> 24) h.setFloat(tp, imm); else h.setInt(tp, imm);
            td.cis[(ci << 4) | CIF.Pc] = pc - cw;
            L.top = td.cis[(ci << 4) | CIF.Top]!;
            r = M.orderLoop(L, ra, tp, true, true);
            if (r === 2) continue newframe;
            stk = L.stk; bp = stk + (base << 4);
          }
          if (r !== ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.GTI: {
          const imm = ((i >>> 16) & 0xff) - Fmt.OFFSET_sC;
          const ia = ra >> 2;
          const ta = i32[ia + 2];
          let r: number;
          if (ta === Tag.Int) {
            const lo = i32[ia]!, hi = i32[ia + 1]!;
            r = (hi === (lo >> 31) ? lo > imm : hi >= 0) ? 1 : 0;
          } else if (ta === Tag.Float) r = f64[ra >> 3]! > imm ? 1 : 0;
          else {
            const tp = L.tmpPtr;
            if (i >>> 24) h.setFloat(tp, imm); else h.setInt(tp, imm);
            td.cis[(ci << 4) | CIF.Pc] = pc - cw;
            L.top = td.cis[(ci << 4) | CIF.Top]!;
            r = M.orderLoop(L, tp, ra, false, true);
            if (r === 2) continue newframe;
            stk = L.stk; bp = stk + (base << 4);
          }
          if (r !== ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.GEI: {
          const imm = ((i >>> 16) & 0xff) - Fmt.OFFSET_sC;
          const ia = ra >> 2;
          const ta = i32[ia + 2];
          let r: number;
          if (ta === Tag.Int) {
            const lo = i32[ia]!, hi = i32[ia + 1]!;
            r = (hi === (lo >> 31) ? lo >= imm : hi >= 0) ? 1 : 0;
          } else if (ta === Tag.Float) r = f64[ra >> 3]! >= imm ? 1 : 0;
          else {
            const tp = L.tmpPtr;
            if (i >>> 24) h.setFloat(tp, imm); else h.setInt(tp, imm);
            td.cis[(ci << 4) | CIF.Pc] = pc - cw;
            L.top = td.cis[(ci << 4) | CIF.Top]!;
            r = M.orderLoop(L, tp, ra, true, true);
            if (r === 2) continue newframe;
            stk = L.stk; bp = stk + (base << 4);
          }
          if (r !== ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.TEST: {
          if ((i32[(ra >> 2) + 2]! <= Tag.False ? 1 : 0) === ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          break; // to the JMP that follows
        }
        case Op.TESTSET: {
          const rb = (bp + ((i >>> 12) & 0xff0)) | 0;
          if ((i32[(rb >> 2) + 2]! <= Tag.False ? 1 : 0) === ((i >>> 15) & 1)) { pc = (pc + 1) | 0; continue; }
          { const s = rb >> 2, d = ra >> 2; i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!; }
          break; // to the JMP that follows
        }
        case Op.CALL: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const func = base + ((i >>> 7) & 0xff);
          const b = (i >>> 16) & 0xff;
          if (b !== 0) L.top = func + b;
          const nres = (i >>> 24) - 1;
          if (--L.loopCounter <= 0) callCounted(L);
          for (;;) {
            const tag = i32[((stk + (func << 4)) >> 2) + 2];
            if (tag === Tag.LFunc) {
              // L.precallLua(func, nres, 0) written out: the method is 418 bytes of bytecode,
              // which V8 inlined into run in some compiles and not in others
              const ncl = i32[(stk + (func << 4)) >> 2]!;
              const npref = i32[(ncl + Layout.CL_PROTO) >> 2]!;
              // the callee's frame word (Layout.PF_*), two words before its code
              const fw = i32[((npref + i32[(npref + Layout.P_CODE) >> 2]!) >> 2) - 2]!;
              const fsize = fw & 0xff;
              const need = L.top + fsize;
              if (need + EXTRA_STACK > L.stackSize || need > MAXSTACK) { L.frameRoom(func, fsize); stk = L.stk; }
              let nargs = L.top - func - 1;
              const np = (fw >> Layout.PF_NPARAMS) & 0xff;
              for (; nargs < np; nargs++) i32[((stk + ((func + 1 + nargs) << 4)) >> 2) + 2] = Tag.Nil;
              if (fw & Layout.PF_VARARG) L.top = func + 1 + nargs;
              td.pushLua(func, nres, fsize, 0, ncl, npref);
              continue newframe;
            }
            if (tag === Tag.HFunc) break;
            L.tryFuncTM(func);
            stk = L.stk;
          }
          const r = hostReturned(L, callHost(L, func, nres), ci);
          if (r === HR.SAME) { stk = L.stk; bp = stk + (base << 4); trap = td.hookMask; continue; }
          if (r === HR.NEW) continue newframe;
          if (r === HR.YIELD) return Exec.YIELDED;
          return Exec.BASE;
        }
        case Op.TAILCALL: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const func = base + ((i >>> 7) & 0xff);
          let b = (i >>> 16) & 0xff;
          if (b !== 0) L.top = func + b;
          // tail calls count too: `function f() return f() end` has no back-edge
          if (--L.loopCounter <= 0) callCounted(L);
          for (;;) {
            const tag = i32[((stk + (func << 4)) >> 2) + 2];
            if (tag === Tag.LFunc || tag === Tag.HFunc) break;
            L.tryFuncTM(func);
            stk = L.stk;
          }
          if (i32[((stk + (func << 4)) >> 2) + 2] === Tag.HFunc) {
            // a host callee runs as an ordinary call; the RETURN that follows returns its results
            const r = hostReturned(L, callHost(L, func, MULTRET), ci);
            if (r === HR.SAME) { stk = L.stk; bp = stk + (base << 4); continue; }
            if (r === HR.NEW) continue newframe;
            if (r === HR.YIELD) return Exec.YIELDED;
            return Exec.BASE;
          }
          b = L.top - func; // function + arguments
          if (i & 0x8000) L.closeUpvals(base);
          const c = i >>> 24;
          const delta = c ? td.cis[(ci << 4) | CIF.Extra]! + c : 0;
          const nf = td.cis[(ci << 4) | CIF.Func]! - delta;
          for (let k = 0; k < b; k++) h.copy(stk + ((nf + k) << 4), stk + ((func + k) << 4));
          L.top = nf + b;
          const flags = td.cis[(ci << 4) | CIF.Flags]!;
          const nres = td.cis[(ci << 4) | CIF.Nres]!;
          td.ci = ci - 1;
          L.precallLua(nf, nres, (flags & (CIST.FRESH | CIST.FINISHOP)) | CIST.TAIL);
          continue newframe;
        }
        case Op.RETURN: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          let first = base + ((i >>> 7) & 0xff);
          let n = ((i >>> 16) & 0xff) - 1;
          if (n < 0) n = L.top - first;
          if (i & 0x8000) {
            L.top = Math.max(first + n, td.cis[(ci << 4) | CIF.Top]!);
            L.closeUpvals(base);
            if (td.tbc.length && td.tbc[td.tbc.length - 1]! >= base) {
              // close one variable above the results, then repeat the RETURN (finishOp)
              td.ciCtx[ci] = n;
              const r = callClose(L);
              if (r === HR.NEW) continue newframe;
              if (r === HR.YIELD) return Exec.YIELDED;
              if (r === HR.BASE) return Exec.BASE;
              stk = L.stk; bp = stk + (base << 4);
              L.top = first + n;
              pc = (pc - 1) | 0;
              td.reexec = trap !== 0;
              continue;
            }
          }
          const c = i >>> 24;
          if (c) td.cis[(ci << 4) | CIF.Func] = td.cis[(ci << 4) | CIF.Func]! - (td.cis[(ci << 4) | CIF.Extra]! + c);
          L.top = first + n;
          L.poscall(ci, n);
          void first;
          const flags = td.cis[(ci << 4) | CIF.Flags]!;
          if (flags & CIST.FRESH) return Exec.RETURNED;
          const caller = ci - 1;
          if (td.cis[(caller << 4) | CIF.Flags]! & CIST.LUA) {
            if (flags & CIST.FINISHOP) { L.nCcalls--; if (finishOp(L, caller)) continue newframe; }
            continue newframe;
          }
          if (caller === 0) return Exec.BASE;
          const r = hostReturned(L, runK(L, caller, OK), -1);
          if (r === HR.NEW || r === HR.SAME) continue newframe;
          if (r === HR.YIELD) return Exec.YIELDED;
          return Exec.BASE;
        }
        case Op.RETURN0: case Op.RETURN1: {
          const flags = td.cis[(ci << 4) | CIF.Flags]!;
          if (td.hookMask !== 0) {
            // the general return, which calls the return hook
            td.cis[(ci << 4) | CIF.Pc] = pc - cw;
            const n = (i & 0x7f) === Op.RETURN0 ? 0 : 1;
            L.top = base + ((i >>> 7) & 0xff) + n;
            L.poscall(ci, n);
          } else {
            const res = td.cis[(ci << 4) | CIF.Func]!;
            let wanted = td.cis[(ci << 4) | CIF.Nres]!;
            const rp = stk + (res << 4);
            let k = 0;
            if ((i & 0x7f) === Op.RETURN0) {
              if (wanted < 0) wanted = 0;
            } else {
              if (wanted < 0) wanted = 1;
              if (wanted > 0) {
                const s = ra >> 2, d = rp >> 2;
                i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!;
                k = 1;
              }
            }
            for (; k < wanted; k++) i32[((rp + (k << 4)) >> 2) + 2] = Tag.Nil;
            L.top = res + wanted;
            td.ci = ci - 1;
          }
          if (flags & CIST.FRESH) return Exec.RETURNED;
          const caller = ci - 1;
          if (td.cis[(caller << 4) | CIF.Flags]! & CIST.LUA) {
            if (flags & CIST.FINISHOP) { L.nCcalls--; if (finishOp(L, caller)) continue newframe; }
            continue newframe;
          }
          if (caller === 0) return Exec.BASE;
          const r = hostReturned(L, runK(L, caller, OK), -1);
          if (r === HR.NEW || r === HR.SAME) continue newframe;
          if (r === HR.YIELD) return Exec.YIELDED;
          return Exec.BASE;
        }
        case Op.FORLOOP: {
          const ia = ra >> 2;
          if (i32[ia + 2] === Tag.Int) {
            // count (unsigned) in R[A+1], step in R[A+2], index in R[A]
            // (the exit test runs on every iteration: an operation met only at the first
            // loop's end would have no type feedback, and V8 would deoptimize `run` there)
            const clo = i32[ia + 4]!, chi = i32[ia + 5]!;
            if ((clo | chi) === 0) continue;
            if (clo !== 0) i32[ia + 4] = clo - 1;
            else { i32[ia + 4] = -1; i32[ia + 5] = chi - 1; }
            const xlo = i32[ia]!, slo = i32[ia + 8]!;
            const s = xlo + slo;
            if ((s | 0) === s && ((i32[ia + 1]! ^ (xlo >> 31)) | (i32[ia + 9]! ^ (slo >> 31))) === 0) {
              const hi = s >> 31;
              i32[ia] = s; i32[ia + 1] = hi; i32[ia + 12] = s; i32[ia + 13] = hi; i32[ia + 14] = Tag.Int;
            } else {
              I64.add(xlo, i32[ia + 1]!, slo, i32[ia + 9]!);
              i32[ia] = I64.RES_LO; i32[ia + 1] = I64.RES_HI;
              i32[ia + 12] = I64.RES_LO; i32[ia + 13] = I64.RES_HI; i32[ia + 14] = Tag.Int;
            }
          } else {
            const fa = ra >> 3;
            const step = f64[fa + 4]!, limit = f64[fa + 2]!;
            const idx = f64[fa]! + step;
            if (!(step > 0 ? idx <= limit : limit <= idx)) continue;
            f64[fa] = idx; f64[fa + 6] = idx; i32[ia + 14] = Tag.Float;
          }
          const e = hb + ((pc - 1 - cw) & hmask); // this back-edge's counter
          pc = (pc - (i >>> 15)) | 0;
          if (--i32[e]! <= 0) {
            td.cis[(ci << 4) | CIF.Pc] = pc - cw;
            const np = backEdge(L, pref, pc - cw, e);
            if (np >= 0) { td.cis[(ci << 4) | CIF.Pc] = np; continue newframe; }
          }
          continue;
        }
        case Op.FORPREP: {
          // forPrep's first case written out: init, limit and step all int32
          const q = ra >> 2;
          if (i32[q + 2] === Tag.Int && i32[q + 6] === Tag.Int && i32[q + 10] === Tag.Int) {
            const a = i32[q]!, b = i32[q + 4]!, c = i32[q + 8]!;
            if (((i32[q + 1]! ^ (a >> 31)) | (i32[q + 5]! ^ (b >> 31)) | (i32[q + 9]! ^ (c >> 31))) === 0 && c !== 0) {
              i32[q + 12] = a; i32[q + 13] = a >> 31; i32[q + 14] = Tag.Int;
              // the same operations for either sign of the step (one only met later would
              // have no type feedback: V8 would deoptimize `run` there)
              const dir = c > 0 ? 1 : -1;
              const span = (b - a) * dir;
              if (span < 0) { pc = (pc + (i >>> 15) + 1) | 0; continue; }
              // the iteration count, below 2^32: exact in doubles, stored unsigned in R[A+1]
              const count = Math.floor(span / (c * dir));
              i32[q + 4] = count | 0; i32[q + 5] = 0;
              continue;
            }
          }
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          if (forPrep(L, ra)) pc = (pc + (i >>> 15) + 1) | 0;
          continue;
        }
        case Op.TFORPREP: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          const r3 = ra + 48;
          if (i32[(r3 >> 2) + 2]! > Tag.False) {
            if (L.tmOf(r3, TM.CLOSE) === 0) D.closeError(L, base + ((i >>> 7) & 0xff) + 3);
            td.tbc.push(base + ((i >>> 7) & 0xff) + 3);
          }
          pc = (pc + (i >>> 15)) | 0;
          continue;
        }
        case Op.TFORCALL: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          // the iterator, state and control copied to R[A+4..A+6] for the call
          for (let q = ra >> 2, e = q + 12; q < e; q += 4) { i32[q + 16] = i32[q]!; i32[q + 17] = i32[q + 1]!; i32[q + 18] = i32[q + 2]!; }
          const func = base + ((i >>> 7) & 0xff) + 4;
          L.top = func + 3;
          const nres = i >>> 24;
          for (;;) {
            const tag = i32[((stk + (func << 4)) >> 2) + 2];
            if (tag === Tag.LFunc) { L.precallLua(func, nres, 0); continue newframe; }
            if (tag === Tag.HFunc) break;
            L.tryFuncTM(func);
            stk = L.stk;
          }
          const r = hostReturned(L, callHost(L, func, nres), ci);
          if (r === HR.SAME) { stk = L.stk; bp = stk + (base << 4); trap = td.hookMask; continue; }
          if (r === HR.NEW) continue newframe;
          if (r === HR.YIELD) return Exec.YIELDED;
          return Exec.BASE;
        }
        case Op.TFORLOOP: {
          const r4 = ra + 64;
          if (i32[(r4 >> 2) + 2] !== Tag.Nil) {
            { const s = r4 >> 2, d = (ra >> 2) + 8; i32[d] = i32[s]!; i32[d + 1] = i32[s + 1]!; i32[d + 2] = i32[s + 2]!; }
            const e = hb + ((pc - 1 - cw) & hmask);
            pc = (pc - (i >>> 15)) | 0;
            if (--i32[e]! <= 0) { td.cis[(ci << 4) | CIF.Pc] = pc - cw; backEdge(L, pref, pc - cw, e); }
          }
          continue;
        }
        case Op.SETLIST: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          let n = (i >>> 16) & 0xff;
          let last = i >>> 24;
          const a = base + ((i >>> 7) & 0xff);
          if (n === 0) n = L.top - a - 1;
          if (i & 0x8000) { last += (i32[pc]! >>> 7) * (Fmt.MAXARG_C + 1); pc = (pc + 1) | 0; td.cis[(ci << 4) | CIF.Pc] = pc - cw; }
          const t = i32[ra >> 2]!;
          // grow the array part first, as lvm.c does, so nils keep their slots and `#` sees
          // the constructor's size
          if (last + n > h.arraySize(t)) h.resizeArray(t, last + n);
          for (let k = 1; k <= n; k++) h.setIntKey(t, last + k, ra + (k << 4));
          L.top = td.cis[(ci << 4) | CIF.Top]!;
          continue;
        }
        case Op.CLOSURE: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          // the child's ref follows the constants in the proto object; its Proto is P's child
          const P = h.protoOf(pref);
          const bx = i >>> 15;
          const child = i32[(kb + (P.constants.length << 4) + (bx << 2)) >> 2]!;
          const ups = P.protos[bx]!.upvalues;
          const ncl = h.newLClosure(child, ups.length);
          h.setObj(ra, Tag.LFunc, ncl);
          for (let k = 0; k < ups.length; k++) {
            const u = ups[k]!;
            h.setClosureUpval(ncl, k, u.inStack ? L.findUpval(base + u.index) : h.closureUpval(cl, u.index));
          }
          L.top = base + ((i >>> 7) & 0xff) + 1;
          L.checkGC();
          continue;
        }
        case Op.VARARG: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          let n = (i >>> 24) - 1;
          const nextra = td.cis[(ci << 4) | CIF.Extra]!;
          const a = base + ((i >>> 7) & 0xff);
          if (n < 0) {
            n = nextra;
            if (a + n + EXTRA_STACK > L.stackSize) {
              L.ensureSlots(a + n + EXTRA_STACK);
              stk = L.stk; bp = stk + (base << 4);
            }
            L.top = a + n;
          }
          const from = td.cis[(ci << 4) | CIF.Func]! - nextra;
          for (let k = 0; k < n; k++) {
            if (k < nextra) h.copy(stk + ((a + k) << 4), stk + ((from + k) << 4));
            else h.setNil(stk + ((a + k) << 4));
          }
          continue;
        }
        case Op.VARARGPREP: {
          td.cis[(ci << 4) | CIF.Pc] = pc - cw;
          varargPrep(L, ci, (i >>> 7) & 0xff, i32[cw - 2]! & 0xff);
          base = td.cis[(ci << 4) | CIF.Base]!;
          if (td.hookMask !== 0) {
            L.hookLuaCall();
            td.oldPc = 1; // the next instruction counts as a new line
            trap = td.hookMask;
          }
          stk = L.stk; bp = stk + (base << 4);
          continue;
        }
        case Op.EXTRAARG:
        default:
          throw new Error(`lunet: bad opcode ${i & 0x7f} at pc ${pc - 1 - cw}`);
      }
      // A test whose jump is taken ends up here: do the JMP that follows now, without a
      // dispatch (lvm.c's donextjump; so, as in PUC, hooks do not see the JMP as a step)
      const ni = i32[pc]!;
      if ((ni & 0x7f) !== Op.JMP) continue;
      const sj = (ni >>> 7) - Fmt.OFFSET_sJ;
      if (sj >= 0) { pc = (pc + sj + 1) | 0; continue; }
      const e = hb + ((pc - cw) & hmask); // the JMP's back-edge counter
      pc = (pc + sj + 1) | 0;
      if (--i32[e]! <= 0) {
        td.cis[(ci << 4) | CIF.Pc] = pc - cw;
        const np = backEdge(L, pref, pc - cw, e);
        if (np >= 0) { td.cis[(ci << 4) | CIF.Pc] = np; continue newframe; }
      }
    }
  }
}

export { TWO32 };

/** Start a host function as the body of a coroutine (execute(L, n) continues with its code). */
export function startHost(L: LuaState, func: number, nres: number): number {
  return callHost(L, func, nres);
}
