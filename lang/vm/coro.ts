// Coroutine switching. resume runs the coroutine in a nested execute() (bounded by MAXCCALLS,
// as lua_resume is in C); a yield returns from that execute() with the coroutine's frames left
// in its CallInfo arrays, so resuming continues inside the loop where it stopped.

import { Tag } from '../heap/tags.js';
import { CIF, CIST, EXTRA_STACK, MAXCCALLS, MULTRET } from './consts.js';
import { CoStatus, type ThreadData } from './thread.js';
import { Exec, execute, startHost } from './interp.js';
import { LuaThrow, type LuaState } from './state.js';

/** Push a new coroutine whose body is the function at API index `fidx`. */
export function newThread(L: LuaState, fidx: number): number {
  const h = L.heap;
  const th = h.newThread(48);
  L.pushThreadRef(th);
  // a collected thread's ref can be reused: always start from fresh JS-side state
  const td = L.newThreadData(th);
  const stk = h.threadStack(th);
  h.setNil(stk);
  h.copy(stk + 16, L.ptr(fidx));
  td.top = 2;
  td.base = 1;
  td.ci = 0;
  td.cis[CIF.Func] = 0;
  td.cis[CIF.Base] = 1;
  td.cis[CIF.Flags] = CIST.HOST;
  td.status = CoStatus.Suspended;
  // lua_newthread: a new thread starts with its creator's hook mask and count
  td.hookMask = L.td.hookMask;
  td.baseHookCount = td.hookCount = L.td.baseHookCount;
  h.setThreadTop(th, 2);
  return th;
}

function moveValues(L: LuaState, fromTh: number, fromSlot: number, n: number): void {
  // copy n values of another thread's stack onto the current thread
  L.ensureSlots(L.top + n + EXTRA_STACK);
  const h = L.heap;
  const src = h.threadStack(fromTh);
  for (let i = 0; i < n; i++) h.copy(L.slot(L.top + i), src + ((fromSlot + i) << 4));
  L.top += n;
}

/** lua_resume + auxresume: resume `co` with the top `nargs` values of the current thread.
 *  Returns the number of values it yielded/returned (moved onto the current thread), or -1
 *  with the error message on top. */
export function resumeThread(L: LuaState, co: ThreadData, nargs: number): number {
  const from = L.td;
  let msg: string | null = null;
  if (co.status === CoStatus.Dead) msg = 'cannot resume dead coroutine';
  else if (co === from || co.status !== CoStatus.Suspended) msg = 'cannot resume non-suspended coroutine';
  else if (L.nCcalls >= MAXCCALLS) msg = 'C stack overflow';
  if (msg !== null) {
    L.pop(nargs);
    L.pushString(msg);
    return -1;
  }
  const h = L.heap;
  // move the arguments
  const need = co.top + nargs + EXTRA_STACK + 20;
  if (need > h.threadStackSize(co.ref)) h.growStack(co.ref, Math.max(need, h.threadStackSize(co.ref) * 2));
  {
    const dst = h.threadStack(co.ref);
    for (let i = 0; i < nargs; i++) h.copy(dst + ((co.top + i) << 4), L.slot(L.top - nargs + i));
    co.top += nargs;
    L.top -= nargs;
  }
  from.status = CoStatus.Normal;
  co.status = CoStatus.Running;
  L.switchToTd(co);
  co.nny = 0;
  const cc = ++L.nCcalls;
  let err: LuaThrow | null = null;
  let r = Exec.RETURNED;
  try {
    if (!co.started) {
      co.started = true;
      // lua_resume's ccall of the body checks the C stack again, inside the coroutine
      if (L.nCcalls >= MAXCCALLS) L.checkCstack();
      const ft = L.tagAt(L.slot(1));
      if (ft === Tag.LFunc) {
        L.precallLua(1, MULTRET, CIST.FRESH);
        r = execute(L);
      } else {
        r = execute(L, true, startHost(L, 1, MULTRET));
      }
    } else {
      r = execute(L, true, nargs);
    }
  } catch (e) {
    err = L.toThrow(e);
  }
  L.nCcalls = cc - 1;
  let n: number;
  let first: number;
  if (err !== null) {
    co.status = CoStatus.Dead;
    co.errored = true;
    L.pushThrown(err);
    n = 1;
    first = L.top - 1;
  } else if (r === Exec.YIELDED) {
    co.status = CoStatus.Suspended;
    n = L.nxfer;
    first = L.top - n;
  } else {
    co.status = CoStatus.Dead;
    n = L.top - 1;
    first = 1;
  }
  L.switchToTd(from);
  from.status = CoStatus.Running;
  moveValues(L, co.ref, first, n);
  if (err === null) co.top = first;
  return err !== null ? -1 : n;
}

/** lua_closethread: close the pending to-be-closed variables of a dead or suspended
 *  coroutine (with its error, if it died of one). Returns true, or false with the error value
 *  pushed on the current thread. */
export function closeThread(L: LuaState, co: ThreadData): boolean {
  const from = L.td;
  const h = L.heap;
  let err: LuaThrow | null = null;
  if (co.errored) {
    const p = h.threadStack(co.ref) + ((co.top - 1) << 4);
    err = new LuaThrow(L.tagAt(p), L.i32[p >> 2]!, L.i32[(p >> 2) + 1]!, undefined);
  }
  from.status = CoStatus.Normal;
  L.switchToTd(co);
  co.ci = 0;
  co.closeK.length = 0; co.closeCtx.length = 0; co.closeErr.length = 0;
  co.status = CoStatus.Running;
  co.nny = 1;
  const cc = L.nCcalls;
  for (;;) {
    try {
      L.closeUpvals(1);
      if (co.tbc.length) {
        let t = L.top;
        for (const s of co.tbc) if (s + 1 > t) t = s + 1;
        L.top = t;
        let ep = 0;
        if (err !== null) { L.pushThrown(err); ep = L.slot(L.top - 1); }
        L.closeTbc(1, ep, err !== null);
      }
      break;
    } catch (e) {
      err = L.toThrow(e);
      L.nCcalls = cc;
      co.ci = 0;
    }
  }
  co.tbc.length = 0;
  co.status = CoStatus.Dead;
  co.errored = false;
  L.top = 1;
  L.switchToTd(from);
  from.status = CoStatus.Running;
  if (err !== null) { L.pushThrown(err); return false; }
  return true;
}
