// JS-side per-thread state: the CallInfo list as one typed array of int fields (one entry per active
// call, index 0 is the thread's base entry), plus what lua_State keeps beside its stack.
// Frames are not kept in the arena stack: the interpreter reads them from these arrays, which
// V8 keeps unboxed; the JIT's exits will rebuild entries here.

import type { HostK } from './types.js';
import { CIF, CIST } from './consts.js';

export const enum CoStatus { Running = 0, Suspended = 1, Normal = 2, Dead = 3 }

export class ThreadData {
  cap = 0;
  /** The CallInfo entries' int fields (consts.ts CIF), 16 per entry. */
  cis!: Int32Array;
  ciK: (HostK | null)[] = [];
  ciCtx: number[] = [];

  /** Index of the running call. */
  ci = 0;
  /** Saved API state while the thread is not the current one. */
  top = 0;
  base = 0;
  /** >0: yields are refused (non-yieldable calls in progress, or the main thread). */
  nny = 0;
  /** Slot of the current message handler (0 = none), like lua_State.errfunc. */
  errfunc = 0;
  status = CoStatus.Suspended;
  /** Pending to-be-closed variables: stack slots, ascending. */
  tbc: number[] = [];
  /** Continuations of PCALL frames that are closing variables after an error (interp.ts
   *  errCloseK), restored when the closing is done; a stack, as closings nest. */
  closeK: (HostK | null)[] = [];
  closeCtx: number[] = [];
  closeErr: number[] = [];
  /** Values yielded / passed on the last switch. */
  nxfer = 0;
  /** The coroutine died with an error (coroutine.close reports it). */
  errored = false;
  started = false;
  /** MAXSTACK, or ERRORSTACKSIZE while a stack overflow is being handled. */
  stackLimit = 1000000;
  // ---- debug hooks (lua_State's hookmask, basehookcount, hookcount, allowhook, oldpc) ----
  /** HOOK_* mask bits; 0 = no hooks (the interpreter's only test when hooks are off). */
  hookMask = 0;
  baseHookCount = 0;
  hookCount = 0;
  /** False while a hook runs: hooks do not nest. */
  allowHook = true;
  /** pc of the last instruction traced for the line hook. */
  oldPc = 0;
  /** The next traced instruction repeats a CLOSE/RETURN that called a __close: no hook. */
  reexec = false;
  /** The frame a running hook was called for, and the values getinfo 'r' reports for it. */
  hookCi = -1;
  ftransfer = 0;
  ntransfer = 0;

  /** The thread object. Held as an int32 (`| 0`): an arena ref can arrive boxed as a heap
   *  number, which would make every switch to this thread convert it. */
  ref: number;

  constructor(ref: number) { this.ref = ref | 0; this.grow(16); }

  /** Make a collected thread's state new again for thread `ref`, keeping its arrays (short
   *  coroutines would otherwise allocate a dozen typed arrays each). Every scalar the
   *  constructor sets is set here; CallInfo entries need no clearing: each is written when
   *  its frame is pushed, before anything reads it (as for the reused entries of any thread). */
  reset(ref: number): void {
    this.ref = ref | 0;
    this.ci = 0; this.top = 0; this.base = 0; this.nny = 0; this.errfunc = 0;
    this.status = CoStatus.Suspended;
    if (this.tbc.length !== 0) this.tbc.length = 0;
    if (this.closeK.length !== 0) { this.closeK.length = 0; this.closeCtx.length = 0; this.closeErr.length = 0; }
    this.nxfer = 0; this.errored = false; this.started = false; this.stackLimit = 1000000;
    this.hookMask = 0; this.baseHookCount = 0; this.hookCount = 0; this.allowHook = true;
    this.oldPc = 0; this.reexec = false; this.hookCi = -1; this.ftransfer = 0; this.ntransfer = 0;
  }

  /** Push the CallInfo of a Lua call: function at slot `func`, registers from func + 1,
   *  `fsize` of them. */
  pushLua(func: number, nres: number, fsize: number, flags: number, cl: number, pref: number): void {
    const ci = ++this.ci;
    if (ci >= this.cap) this.grow(ci + 1);
    const cis = this.cis, o = ci << 4;
    cis[o | CIF.Func] = func;
    cis[o | CIF.Base] = func + 1;
    cis[o | CIF.Top] = func + 1 + fsize;
    cis[o | CIF.Pc] = 0;
    cis[o | CIF.Nres] = nres;
    cis[o | CIF.Flags] = CIST.LUA | flags;
    cis[o | CIF.Cl] = cl;
    cis[o | CIF.Extra] = 0;
    cis[o | CIF.Pref] = pref;
  }

  grow(n: number): void {
    const cap = Math.max(n, this.cap * 2);
    const cis = new Int32Array(cap << 4);
    if (this.cis) cis.set(this.cis);
    this.cis = cis;
    for (let i = this.cap; i < cap; i++) { this.ciK.push(null); this.ciCtx.push(0); }
    this.cap = cap;
  }
}
