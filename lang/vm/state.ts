// LuaState: one Lua universe (heap, main thread, registry) and the C-API-like surface host
// functions use. See lang/vm/README.md for the calling convention.
//
// API indices are those of the C API: 1..n are the running host function's arguments and what
// it pushed (slot base+i-1), negative indices count from the top, REGISTRYINDEX is the
// registry and upvalueIndex(i) the running host closure's i-th upvalue.

import type { HeapApi } from '../heap/heap.js';
import { Tag, TYPE_NAMES } from '../heap/tags.js';
import { Layout } from '../heap/layout.js';
import { LuaMemoryError, LuaRuntimeError } from '../heap/errors.js';
import * as I64 from '../heap/int64.js';
import { fmtFloat, fmtInt, str2number } from '../num/index.js';
import { TM, TM_NAMES } from './opcodes.js';
import {
  CALLK, CIF, CIST, ERRORSTACKSIZE, ERRRUN, EXTRA_STACK, HOOK_CALL, HOOK_RET, HookEvent, MAXCCALLS,
  MAXSTACK, MINSTACK, MULTRET, OK, REGISTRYINDEX, YIELD,
} from './consts.js';
import { CoStatus, ThreadData } from './thread.js';
import type { HostFn, HostK, VmHooks } from './types.js';
import { execute } from './interp.js';
import * as D from './debug.js';
import * as M from './meta.js';
import { Heap } from '../heap/index.js';
import { LIBS } from '../../stdlib/index.js';
import { loadChunk } from './load.js';

/** A Lua error in flight: a copy of the error value (also kept rooted in the state's error
 *  slot until a catcher moves it onto a stack). Not an Error: no JS stack capture, so pcall
 *  loops stay cheap. */
export class LuaThrow {
  constructor(readonly tag: number, readonly lo: number, readonly hi: number,
              /** the text of the value when it is a string or number (for hosts/tests) */
              readonly text: string | undefined) {}
  toString(): string { return this.text ?? '(error object is not a string)'; }
}

export interface LuaStateOptions {
  memoryLimit?: number;
  stdout?: (bytes: string) => void;
  stderr?: (bytes: string) => void;
  /** Creates the heap; default: lang/heap's Heap. */
  heap?: HeapApi;
}

const TWO53 = 9007199254740992;

export class LuaState {
  readonly heap: HeapApi;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  // ---- current thread (saved into its ThreadData when switching) --------------------------
  th: number;
  td: ThreadData;
  /** First free slot of the current thread's stack. */
  top = 0;
  /** First argument slot of the running host function (API index 1). */
  base = 0;
  /** Byte offset of slot 0 of the current thread's stack (changes when the stack grows). */
  stk = 0;
  stackSize = 0;
  // -----------------------------------------------------------------------------------
  /** Installs (or with undefined removes) the sandbox budget hook; see VmHooks.budget. */
  setBudgetHook(fn: (() => void) | undefined, interval: number): void {
    this.hooks.budget = fn;
    this.budgetInterval = fn ? Math.max(1, interval | 0) : 0x3fffffff;
    const half = fn ? Math.max(1, this.budgetInterval >> 1) : 0x3fffffff;
    this.loopCounter = half;
    this.i32[this.budgetIdx] = half;
    this.hotMask = fn ? 0 : -1;
    this.budgetCalls = this.budgetInterval;
    // frames already running keep their Proto's own counters until they are re-entered:
    // make their next back-edge report (backEdge then counts them one by one)
    if (fn) {
      for (const td of [this.mainTd, ...this.threads.values()]) {
        for (let ci = 0; ci <= td.ci; ci++) {
          if (td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) this.fillBackEdgeCounters(td.cis[(ci << 4) | CIF.Pref]!, 1);
        }
      }
    }
  }
  /** Sets every back-edge counter of the proto object `pref` (they follow its code). */
  fillBackEdgeCounters(pref: number, v: number): void {
    const i32 = this.i32, cw = (pref + i32[(pref + Layout.P_CODE) >> 2]!) >> 2, n = i32[cw - 1]!;
    i32.fill(v, cw + 2 * n, cw + 3 * n);
  }
  /** With hooks.budget set: Lua functions called from host code (callValue) before the next
   *  budget call; the hook may set it (e.g. to 1) like loopCounter. */
  budgetCalls = 0x3fffffff;
  /** JS-level call nesting (C stack depth in PUC terms). */
  nCcalls = 0;
  readonly threads = new Map<number, ThreadData>();
  /** JS-side states of collected threads, reused by newThreadData. */
  private readonly freeTds: ThreadData[] = [];
  readonly mainTd: ThreadData;
  stdout: (bytes: string) => void;
  stderr: (bytes: string) => void;
  hooks: VmHooks = {};
  /** Calls and tail calls to count down before the budget hook runs (see VmHooks). */
  loopCounter = 0x3fffffff;
  /** Back-edge counters: each proto object's own (after its code, one per instruction) when
   *  hotMask is -1; with a budget hook hotMask is 0 and every loop counts down the shared
   *  arena word budgetIdx (a word of a cell). */
  hotMask = -1;
  readonly budgetIdx: number;
  /** With hooks.budget set: the most back-edges and calls between two budget calls. */
  budgetInterval = 0x3fffffff;
  /** Runs a thread's debug hook (ldblib's hookf, installed by debug.sethook); the hook's mask
   *  and count are per thread (ThreadData.hookMask). */
  hookFn: ((L: LuaState, event: HookEvent, line: number) => void) | null = null;
  /** warn() state: whether warnings are printed, and a message being continued. */
  warnOn = false;
  warnBuf: string | null = null;
  /** Registry-held table whose array slots give us fixed TValue cells. */
  private readonly cells: number;
  readonly registryPtr: number;
  readonly errSlot: number;
  /** A scratch TValue for host code (valid until the next API call). */
  readonly tmpPtr: number;
  readonly tmpPtr2: number;
  /** Pending call prepared by callK. */
  pendFunc = 0;
  pendNres = 0;
  /** Values passed by the last yield/resume. */
  nxfer = 0;
  /** Set while a finalizer runs (no nested collections). */
  inFinalizer = false;
  /** Chunk loader: (bytes, chunkName) -> Proto; installed by load.ts to keep the VM free of
   *  a hard dependency on the front end. */
  compileChunk: ((src: string, chunkName: string) => import('../compile/proto.js').Proto) | null = null;

  constructor(heap: HeapApi, opts: LuaStateOptions = {}) {
    this.heap = heap;
    this.i32 = heap.i32;
    this.f64 = heap.f64;
    this.stdout = opts.stdout ?? ((s) => { process.stdout.write(Buffer.from(s, 'latin1')); });
    this.stderr = opts.stderr ?? ((s) => { process.stderr.write(Buffer.from(s, 'latin1')); });
    this.th = heap.mainThread;
    this.mainTd = new ThreadData(this.th);
    this.mainTd.nny = 1;
    this.mainTd.status = CoStatus.Running;
    this.mainTd.started = true;
    this.threads.set(this.th, this.mainTd);
    this.td = this.mainTd;
    this.mainTd.cis[(0 << 4) | CIF.Flags] = CIST.HOST;
    if (heap.threadStackSize(this.th) < 64) heap.growStack(this.th, 64);
    this.reloadStack();
    this.top = 1; // slot 0 holds nothing useful (the base CallInfo's "function")
    this.base = 1;
    this.mainTd.cis[(0 << 4) | CIF.Func] = 0; this.mainTd.cis[(0 << 4) | CIF.Base] = 1;
    heap.setNil(this.stk);
    heap.setThreadTop(this.th, this.top);
    // cells: [1] the registry as a value, [2] the error slot, [3],[4] scratch
    const cells = heap.newTable(8, 0);
    const reg = heap.registry;
    const tmp = this.stk + 16 * this.top;
    heap.setObj(tmp, Tag.Table, cells);
    heap.setStrKey(reg, heap.intern('_LUNET_CELLS'), tmp);
    heap.setBool(tmp, false);
    for (let i = 1; i <= 8; i++) heap.setIntKey(cells, i, tmp);
    this.cells = cells;
    this.registryPtr = heap.getInt(cells, 1);
    heap.setObj(this.registryPtr, Tag.Table, reg);
    this.errSlot = heap.getInt(cells, 2);
    this.tmpPtr = heap.getInt(cells, 3);
    this.tmpPtr2 = heap.getInt(cells, 4);
    // the cell stays a boolean to the GC and to Lua: the counter is the payload word
    this.budgetIdx = heap.getInt(cells, 5) >> 2;
    this.i32[this.budgetIdx] = 0x3fffffff;
    // registry[1] = main thread, registry[2] = globals (LUA_RIDX_MAINTHREAD / _GLOBALS)
    heap.setObj(tmp, Tag.Thread, this.th);
    heap.setIntKey(reg, 1, tmp);
    heap.setObj(tmp, Tag.Table, heap.newTable(0, 64));
    heap.setIntKey(reg, 2, tmp);
    heap.setNil(tmp);
    heap.onFinalize = (tag, ref) => this.runFinalizer(tag, ref);
    // thread refs are reused after a collection: forget the dead thread's JS-side state
    heap.onFreeThread = (th) => {
      const td = this.threads.get(th);
      this.threads.delete(th);
      if (td !== undefined && td !== this.mainTd && this.freeTds.length < 1024 && td.cap <= 64) this.freeTds.push(td);
    };
  }

  /** A state with a fresh heap (options.memoryLimit) and no libraries. */
  static create(opts: LuaStateOptions = {}): LuaState {
    const heap = opts.heap ?? new Heap({ memoryLimit: opts.memoryLimit });
    return new LuaState(heap, opts);
  }

  /** luaL_openlibs: the libraries listed in stdlib/index.ts. */
  openLibs(): void {
    for (const [name, open] of LIBS) {
      this.requireF(name, open, true);
      this.pop();
    }
  }

  /** Load a chunk (byte string) and push the function, or push the message: returns 0 (OK)
   *  or 3 (syntax error). `mode` 't' / 'b' / 'bt'; `envIdx` API index of _ENV (0 = globals). */
  load(src: string, chunkName: string, mode = 'bt', envIdx = 0, isFile = false): number {
    return loadChunk(this, src, chunkName, mode, envIdx ? this.ptr(envIdx) : 0, isFile, 1);
  }

  /** luaL_where(level) as a string. */
  whereLevel(level: number): string { return D.where(this, level); }

  /** luaL_traceback of the current thread, from `level`. */
  traceback(msg: string | undefined, level: number): string {
    return D.traceback(this, this.td, msg, level);
  }

  /** collectgarbage("step", kb): true when a cycle finished. */
  gcStep(kb: number): boolean {
    this.publishTop();
    return this.heap.gcStep(kb);
  }

  private publishTop(): void {
    let t = this.top;
    const td = this.td;
    const ci = td.ci;
    if ((td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) !== 0 && td.cis[(ci << 4) | CIF.Top]! > t) t = td.cis[(ci << 4) | CIF.Top]!;
    this.heap.setThreadTop(this.th, t);
  }

  /** A full collection (collectgarbage()). */
  fullGC(): void {
    let t = this.top;
    const td = this.td;
    const ci = td.ci;
    if ((td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) !== 0 && td.cis[(ci << 4) | CIF.Top]! > t) t = td.cis[(ci << 4) | CIF.Top]!;
    this.heap.setThreadTop(this.th, t);
    this.heap.fullGC();
  }

  // ================================================================================
  // Stack primitives
  // ================================================================================

  reloadStack(): void {
    this.stk = this.heap.threadStack(this.th);
    this.stackSize = this.heap.threadStackSize(this.th);
  }

  /** Byte offset of stack slot `s`. */
  slot(s: number): number { return this.stk + (s << 4); }

  tagAt(p: number): number { return this.i32[(p >> 2) + 2]!; }

  /** Make sure slots [0, need) exist (need is an absolute slot count). */
  ensureSlots(need: number): void {
    const limit = this.td.stackLimit;
    if (need <= this.stackSize && need <= limit) return;
    if (need > limit) {
      if (limit === ERRORSTACKSIZE) this.throwErrErr();
      // grant the extra room to handle the error (a message handler, a traceback)
      this.td.stackLimit = ERRORSTACKSIZE;
      if (this.stackSize < ERRORSTACKSIZE) {
        this.heap.growStack(this.th, ERRORSTACKSIZE);
        this.reloadStack();
      }
      this.runError('stack overflow');
    }
    let n = this.stackSize * 2;
    if (n < need) n = need;
    if (n > this.td.stackLimit) n = this.td.stackLimit;
    this.heap.growStack(this.th, n);
    this.reloadStack();
  }

  /** luaL_checkstack / lua_checkstack: room for n more values. */
  checkStack(n: number, msg?: string): void {
    // room already there is always usable (lua_checkstack), even past the limit while a
    // stack overflow is being handled
    if (this.top + n + EXTRA_STACK <= Math.min(this.stackSize, this.td.stackLimit)) return;
    if (this.top + n > MAXSTACK - 100) {
      this.errorMsg(msg ? `stack overflow (${msg})` : 'stack overflow');
    }
    this.ensureSlots(this.top + n + EXTRA_STACK);
  }

  /** Publish the current top to the heap (GC marks [0, top)) and collect if due. From a
   *  Lua frame the interpreter sets top just above the register it wrote (as lvm.c's
   *  checkGC(L, ra + 1)): dead temporaries above it must not keep garbage alive. */
  checkGC(): void {
    if (this.inFinalizer) return;
    this.heap.setThreadTop(this.th, this.top);
    this.heap.checkGC();
  }

  // ================================================================================
  // Index translation (C API)
  // ================================================================================

  absIndex(idx: number): number {
    return idx > 0 || idx <= REGISTRYINDEX ? idx : this.top - this.base + 1 + idx;
  }

  /** TValue pointer of an API index; an absent argument reads as nil. */
  ptr(idx: number): number {
    if (idx > 0) {
      const s = this.base + idx - 1;
      return s < this.top ? this.stk + (s << 4) : this.heap.nilPtr;
    }
    if (idx > REGISTRYINDEX) return this.stk + ((this.top + idx) << 4);
    if (idx === REGISTRYINDEX) return this.registryPtr;
    const n = REGISTRYINDEX - idx - 1;
    const fp = this.stk + (this.td.cis[(this.td.ci << 4) | CIF.Func]! << 4);
    if (this.tagAt(fp) !== Tag.HFunc) return this.heap.nilPtr;
    return this.heap.hostUpvalPtr(this.i32[fp >> 2]!, n);
  }

  /** Whether the argument is absent (LUA_TNONE). */
  isNone(idx: number): boolean {
    return idx > 0 ? this.base + idx - 1 >= this.top : false;
  }
  isNoneOrNil(idx: number): boolean { return this.isNone(idx) || this.tagAt(this.ptr(idx)) === Tag.Nil; }

  gettop(): number { return this.top - this.base; }

  settop(idx: number): void {
    if (idx >= 0) {
      const nt = this.base + idx;
      if (nt > this.top) {
        this.ensureSlots(nt + EXTRA_STACK);
        for (let s = this.top; s < nt; s++) this.heap.setNil(this.slot(s));
      }
      this.top = nt;
    } else {
      this.top += idx + 1;
    }
  }
  pop(n = 1): void { this.top -= n; }

  /** Push a copy of the TValue at pointer p. */
  pushPtr(p: number): void {
    if (this.top >= this.stackSize - EXTRA_STACK) this.ensureSlots(this.top + MINSTACK);
    this.heap.copy(this.stk + (this.top << 4), p);
    this.top++;
  }
  pushValue(idx: number): void { this.pushPtr(this.ptr(idx)); }
  private pushSlot(): number {
    if (this.top >= this.stackSize - EXTRA_STACK) this.ensureSlots(this.top + MINSTACK);
    return this.stk + ((this.top++) << 4);
  }
  pushNil(): void { this.heap.setNil(this.pushSlot()); }
  pushBoolean(b: boolean): void { this.heap.setBool(this.pushSlot(), b); }
  /** lua_pushlightuserdata: `id` (a 32-bit identity) as a light userdata. */
  pushLightUserdata(id: number): void { this.heap.setObj(this.pushSlot(), Tag.LightUd, id); }
  /** Push an integer given as a JS integer (|n| < 2^53) or a bigint (wrapped to int64). */
  pushInteger(n: number | bigint): void {
    const p = this.pushSlot();
    if (typeof n === 'number') this.heap.setInt(p, n); else this.heap.setIntBig(p, BigInt.asIntN(64, n));
  }
  pushNumber(d: number): void { this.heap.setFloat(this.pushSlot(), d); }
  /** Push a byte string (char codes 0-255). */
  pushString(s: string): void {
    const id = this.heap.intern(s);
    this.heap.setStr(this.pushSlot(), id);
  }
  pushStringId(id: number): void { this.heap.setStr(this.pushSlot(), id); }
  /** Push a new table; returns its ref. */
  newTable(narr = 0, nhash = 0): number {
    const t = this.heap.newTable(narr, nhash);
    this.heap.setObj(this.pushSlot(), Tag.Table, t);
    return t;
  }
  /** Push a host closure; its `nup` upvalues are popped from the top. */
  pushHostFunction(fn: HostFn, nup = 0, name?: string): void {
    const ref = this.heap.newHostFunction(fn as unknown as (L: unknown, b: number, n: number) => number, nup, name);
    for (let i = 0; i < nup; i++) {
      this.heap.copy(this.heap.hostUpvalPtr(ref, i), this.slot(this.top - nup + i));
    }
    this.top -= nup;
    this.heap.setObj(this.pushSlot(), Tag.HFunc, ref);
  }
  pushThreadRef(th: number): void { this.heap.setObj(this.pushSlot(), Tag.Thread, th); }
  /** Push the running thread; true if it is the main thread. */
  pushThread(): boolean { this.pushThreadRef(this.th); return this.th === this.heap.mainThread; }

  copyTo(fromIdx: number, toIdx: number): void { this.heap.copy(this.ptr(toIdx), this.ptr(fromIdx)); }
  /** lua_rotate */
  rotate(idx: number, n: number): void {
    const t = this.top - 1;
    const p = this.base + this.absIndex(idx) - 1;
    const m = n >= 0 ? t - n : p - n - 1;
    this.reverse(p, m); this.reverse(m + 1, t); this.reverse(p, t);
  }
  private reverse(a: number, b: number): void {
    const h = this.heap, tmp = this.tmpPtr;
    for (; a < b; a++, b--) {
      h.copy(tmp, this.slot(a)); h.copy(this.slot(a), this.slot(b)); h.copy(this.slot(b), tmp);
    }
  }
  insert(idx: number): void { this.rotate(idx, 1); }
  remove(idx: number): void { this.rotate(idx, -1); this.pop(1); }
  replace(idx: number): void { this.copyTo(-1, idx); this.pop(1); }

  // ================================================================================
  // Reading values
  // ================================================================================

  /** The tag of the value (Tag.Nil for an absent argument; see isNone). */
  type(idx: number): number { return this.tagAt(this.ptr(idx)); }
  typeName(tag: number): string { return TYPE_NAMES[tag]!; }
  /** luaL_typename: 'no value' for an absent argument. */
  typeNameAt(idx: number): string { return this.isNone(idx) ? 'no value' : TYPE_NAMES[this.type(idx)]!; }
  toBoolean(idx: number): boolean { return this.type(idx) > Tag.False; }
  isNumber(idx: number): boolean { return this.toNumberX(idx) !== undefined; }
  isString(idx: number): boolean { const t = this.type(idx); return t === Tag.Str || t === Tag.Int || t === Tag.Float; }
  isInteger(idx: number): boolean { return this.type(idx) === Tag.Int; }

  /** The number at pointer p (string converted), or undefined. Integers come back as JS
   *  numbers (rounded when beyond 2^53). */
  numberAt(p: number): number | undefined {
    const t = this.tagAt(p);
    if (t === Tag.Float) return this.f64[p >> 3];
    if (t === Tag.Int) return I64.toDouble(this.i32[p >> 2]!, this.i32[(p >> 2) + 1]!);
    if (t === Tag.Str) {
      const v = str2number(this.heap.str(this.i32[p >> 2]!));
      return v === undefined ? undefined : Number(v);
    }
    return undefined;
  }
  toNumberX(idx: number): number | undefined { return this.numberAt(this.ptr(idx)); }
  toNumber(idx: number): number { return this.toNumberX(idx) ?? 0; }

  /** lua_tointegerx with the exact int64 as a bigint, or undefined. */
  toInt64X(idx: number): bigint | undefined { return M.toIntegerBig(this, this.ptr(idx)); }
  /** The integer as a JS number (exact below 2^53), or undefined when not convertible. */
  toIntegerX(idx: number): number | undefined {
    const p = this.ptr(idx);
    if (this.tagAt(p) === Tag.Int) {
      const lo = this.i32[p >> 2]!, hi = this.i32[(p >> 2) + 1]!;
      return hi === (lo >> 31) ? lo : I64.toDouble(lo, hi);
    }
    const b = M.toIntegerBig(this, p);
    return b === undefined ? undefined : Number(b);
  }

  /** lua_tolstring: strings as they are, numbers converted (in place, as the C API does). */
  toStringX(idx: number): string | undefined {
    const p = this.ptr(idx);
    const t = this.tagAt(p);
    if (t === Tag.Str) return this.heap.str(this.i32[p >> 2]!);
    if (t === Tag.Int || t === Tag.Float) {
      const s = M.numberToString(this, p);
      if (idx > REGISTRYINDEX) this.heap.setStr(p, this.heap.intern(s));
      return s;
    }
    return undefined;
  }

  /** luaL_tolstring: any value to a string (using __tostring / __name); pushes it too. */
  toLString(idx: number): string {
    const s = M.toStringMeta(this, this.ptr(idx));
    return s;
  }

  /** Table ref at idx (0 if not a table). */
  toTable(idx: number): number { const p = this.ptr(idx); return this.tagAt(p) === Tag.Table ? this.i32[p >> 2]! : 0; }
  /** Object ref at idx (tables, functions, userdata, threads), 0 otherwise. */
  toRef(idx: number): number { const p = this.ptr(idx); return this.tagAt(p) >= Tag.Table ? this.i32[p >> 2]! : 0; }
  toUserdata(idx: number): unknown {
    const p = this.ptr(idx);
    return this.tagAt(p) === Tag.Userdata ? this.heap.userdataValue(this.i32[p >> 2]!) : undefined;
  }
  toThread(idx: number): number { const p = this.ptr(idx); return this.tagAt(p) === Tag.Thread ? this.i32[p >> 2]! : 0; }

  // ================================================================================
  // Argument checks (lauxlib), with 5.4's messages
  // ================================================================================

  argError(arg: number, extramsg: string): never { return D.argError(this, arg, extramsg); }
  typeError(arg: number, tname: string): never {
    let typearg: string;
    if (this.getMetafield(arg, '__name') === Tag.Str) { typearg = this.toStringX(-1)!; this.pop(); }
    else if (this.type(arg) === Tag.LightUd) typearg = 'light userdata';
    else typearg = this.typeNameAt(arg);
    return this.argError(arg, `${tname} expected, got ${typearg}`);
  }
  argCheck(cond: boolean, arg: number, extramsg: string): void { if (!cond) this.argError(arg, extramsg); }
  checkAny(arg: number): void { if (this.isNone(arg)) this.argError(arg, 'value expected'); }
  checkType(arg: number, tag: number): void {
    const t = this.type(arg);
    if (t !== tag && !(tag === Tag.True && t === Tag.False) || this.isNone(arg)) this.typeError(arg, TYPE_NAMES[tag]!);
  }
  checkTable(arg: number): number {
    const p = this.ptr(arg);
    if (this.tagAt(p) !== Tag.Table) this.typeError(arg, 'table');
    return this.i32[p >> 2]!;
  }
  /** luaL_checkinteger: a JS number (exact below 2^53; int64 values beyond that are rounded). */
  checkInteger(arg: number): number {
    const p = this.ptr(arg);
    if (this.tagAt(p) === Tag.Int) {
      const lo = this.i32[p >> 2]!, hi = this.i32[(p >> 2) + 1]!;
      return hi === (lo >> 31) ? lo : I64.toDouble(lo, hi);
    }
    const v = this.toIntegerX(arg);
    if (v === undefined) this.intError(arg);
    return v;
  }
  /** luaL_checkinteger with the exact int64. */
  checkInt64(arg: number): bigint {
    const v = this.toInt64X(arg);
    if (v === undefined) this.intError(arg);
    return v;
  }
  private intError(arg: number): never {
    if (this.isNumber(arg)) this.argError(arg, 'number has no integer representation');
    return this.typeError(arg, 'number');
  }
  optInteger(arg: number, def: number): number { return this.isNoneOrNil(arg) ? def : this.checkInteger(arg); }
  checkNumber(arg: number): number {
    const v = this.toNumberX(arg);
    if (v === undefined) this.typeError(arg, 'number');
    return v;
  }
  optNumber(arg: number, def: number): number { return this.isNoneOrNil(arg) ? def : this.checkNumber(arg); }
  checkString(arg: number): string {
    const s = this.toStringX(arg);
    if (s === undefined) this.typeError(arg, 'string');
    return s;
  }
  optString(arg: number, def: string): string;
  optString(arg: number, def: undefined): string | undefined;
  optString(arg: number, def: string | undefined): string | undefined { return this.isNoneOrNil(arg) ? def : this.checkString(arg); }
  checkOption(arg: number, def: string | undefined, options: readonly string[]): number {
    const name = def !== undefined ? this.optString(arg, def) : this.checkString(arg);
    const i = options.indexOf(name);
    if (i < 0) this.argError(arg, `invalid option '${name}'`);
    return i;
  }

  // ================================================================================
  // Tables and metatables
  // ================================================================================

  /** t[k] with metamethods; t at idx, k on top (replaced by the value). Returns its tag. */
  getTable(idx: number): number {
    const t = this.ptr(idx);
    const k = this.slot(this.top - 1);
    M.getJS(this, t, k, this.top - 1);
    return this.tagAt(this.slot(this.top - 1));
  }
  getField(idx: number, name: string): number {
    const a = this.absIndex(idx);
    this.pushString(name);
    return this.getTable(a);
  }
  getI(idx: number, i: number): number {
    const a = this.absIndex(idx);
    this.pushInteger(i);
    return this.getTable(a);
  }
  /** t[k] = v with metamethods; t at idx, k and v on top (popped). */
  setTable(idx: number): void {
    M.setJS(this, this.ptr(idx), this.slot(this.top - 2), this.slot(this.top - 1));
    this.top -= 2;
  }
  setField(idx: number, name: string): void {
    const a = this.absIndex(idx);
    this.pushString(name);
    this.insert(-2);
    this.setTable(a);
  }
  setI(idx: number, i: number): void {
    const a = this.absIndex(idx);
    this.pushInteger(i);
    this.insert(-2);
    this.setTable(a);
  }
  rawGet(idx: number): number {
    const t = this.checkedTable(idx);
    const k = this.slot(this.top - 1);
    this.heap.copy(k, this.heap.get(t, k));
    return this.tagAt(k);
  }
  rawGetI(idx: number, i: number): number {
    const t = this.checkedTable(idx);
    this.pushPtr(this.heap.getInt(t, i));
    return this.tagAt(this.slot(this.top - 1));
  }
  rawGetField(idx: number, name: string): number {
    const t = this.checkedTable(idx);
    this.pushPtr(this.heap.getStr(t, this.heap.intern(name)));
    return this.tagAt(this.slot(this.top - 1));
  }
  rawSet(idx: number): void {
    const t = this.checkedTable(idx);
    this.protectHeap(() => this.heap.set(t, this.slot(this.top - 2), this.slot(this.top - 1)));
    this.top -= 2;
  }
  rawSetI(idx: number, i: number): void {
    const t = this.checkedTable(idx);
    this.heap.setIntKey(t, i, this.slot(this.top - 1));
    this.top -= 1;
  }
  rawSetField(idx: number, name: string): void {
    const t = this.checkedTable(idx);
    this.heap.setStrKey(t, this.heap.intern(name), this.slot(this.top - 1));
    this.top -= 1;
  }
  private checkedTable(idx: number): number {
    const p = this.ptr(idx);
    if (this.tagAt(p) !== Tag.Table) throw new Error('lunet: API expected a table');
    return this.i32[p >> 2]!;
  }
  /** Runs a heap operation, turning its low-level errors into Lua errors (no position). */
  protectHeap(f: () => void): void {
    try { f(); } catch (e) {
      if (e instanceof LuaRuntimeError) this.throwString(e.message);
      throw e;
    }
  }
  /** lua_rawlen */
  rawLen(idx: number): number {
    const p = this.ptr(idx);
    const t = this.tagAt(p);
    if (t === Tag.Table) return this.heap.length(this.i32[p >> 2]!);
    if (t === Tag.Str) return this.heap.str(this.i32[p >> 2]!).length;
    return 0;
  }
  /** lua_len: pushes #v (with __len). */
  len(idx: number): void {
    const p = this.ptr(idx);
    this.pushNil();
    M.lenJS(this, p, this.top - 1);
  }
  /** luaL_len: #v as an integer ("object length is not an integer"). */
  lenInt(idx: number): number {
    this.len(idx);
    const v = this.toIntegerX(-1);
    this.pop();
    if (v === undefined || this.type(-0) === -1) this.errorMsg('object length is not an integer');
    return v!;
  }
  /** lua_next: pops a key, pushes the next key and value; false at the end. */
  next(idx: number): boolean {
    const t = this.checkedTable(idx);
    const kp = this.slot(this.top - 1);
    this.ensureSlots(this.top + 2);
    const vp = this.slot(this.top);
    let more = false;
    this.protectHeap(() => { more = this.heap.next(t, this.slot(this.top - 1), this.slot(this.top - 1), vp); });
    void kp;
    if (more) { this.top++; return true; }
    this.top--;
    return false;
  }

  /** Metatable ref of the value at pointer p (0 = none). */
  metatableOf(p: number): number {
    const t = this.tagAt(p);
    if (t === Tag.Table) return this.heap.getMetatable(this.i32[p >> 2]!);
    if (t === Tag.Userdata) return this.heap.userdataMetatable(this.i32[p >> 2]!);
    return this.heap.typeMetatables[t]!;
  }
  /** lua_getmetatable: pushes the metatable and returns true, or pushes nothing. */
  getMetatable(idx: number): boolean {
    const mt = this.metatableOf(this.ptr(idx));
    if (mt === 0) return false;
    this.heap.setObj(this.pushSlot(), Tag.Table, mt);
    return true;
  }
  /** lua_setmetatable: pops a table or nil and makes it the metatable of the value at idx. */
  setMetatable(idx: number): void {
    const p = this.ptr(idx);
    const mp = this.slot(this.top - 1);
    const mt = this.tagAt(mp) === Tag.Table ? this.i32[mp >> 2]! : 0;
    const t = this.tagAt(p);
    if (t === Tag.Table) {
      this.heap.setMetatable(this.i32[p >> 2]!, mt);
      if (mt !== 0) this.heap.checkFinalizer(Tag.Table, this.i32[p >> 2]!);
    } else if (t === Tag.Userdata) {
      this.heap.setUserdataMetatable(this.i32[p >> 2]!, mt);
      if (mt !== 0) this.heap.checkFinalizer(Tag.Userdata, this.i32[p >> 2]!);
    }
    else if (t === Tag.False || t === Tag.True) { this.heap.typeMetatables[Tag.False] = mt; this.heap.typeMetatables[Tag.True] = mt; }
    else if (t === Tag.Int || t === Tag.Float) { this.heap.typeMetatables[Tag.Int] = mt; this.heap.typeMetatables[Tag.Float] = mt; }
    else if (t === Tag.LFunc || t === Tag.HFunc) { this.heap.typeMetatables[Tag.LFunc] = mt; this.heap.typeMetatables[Tag.HFunc] = mt; }
    else this.heap.typeMetatables[t] = mt;
    this.top--;
  }
  /** luaL_getmetafield: pushes field `name` of the value's metatable and returns its tag, or
   *  pushes nothing and returns Tag.Nil. */
  getMetafield(idx: number, name: string): number {
    const mt = this.metatableOf(this.ptr(idx));
    if (mt === 0) return Tag.Nil;
    const vp = this.heap.getStr(mt, this.heap.intern(name));
    const t = this.tagAt(vp);
    if (t === Tag.Nil) return Tag.Nil;
    this.pushPtr(vp);
    return t;
  }
  /** The metamethod `event` (TM) of the value at pointer p, as a TValue pointer, or 0. */
  tmOf(p: number, event: number): number {
    const mt = this.metatableOf(p);
    if (mt === 0) return 0;
    const tp = this.heap.tm(mt, event);
    return tp !== 0 && this.tagAt(tp) !== Tag.Nil ? tp : 0;
  }
  /** luaL_callmeta: if the value has metamethod `name`, call it with the value, push the
   *  result and return true. */
  callMeta(idx: number, name: string): boolean {
    const a = this.absIndex(idx);
    if (this.getMetafield(a, name) === Tag.Nil) return false;
    this.pushValue(a);
    this.call(1, 1);
    return true;
  }
  /** luaL_newmetatable */
  newMetatable(tname: string): boolean {
    if (this.getField(REGISTRYINDEX, tname) !== Tag.Nil) return false;
    this.pop();
    this.newTable(0, 2);
    this.pushString(tname);
    this.setField(-2, '__name');
    this.pushValue(-1);
    this.setField(REGISTRYINDEX, tname);
    return true;
  }
  /** luaL_getmetatable: pushes registry[tname]; returns its tag. */
  getMetatableByName(tname: string): number { return this.getField(REGISTRYINDEX, tname); }
  /** luaL_testudata: the userdata's JS value if its metatable is registry[tname]. */
  testUdata(arg: number, tname: string): unknown {
    const p = this.ptr(arg);
    if (this.tagAt(p) !== Tag.Userdata) return undefined;
    const mt = this.heap.userdataMetatable(this.i32[p >> 2]!);
    const want = this.heap.getStr(this.heap.registry, this.heap.intern(tname));
    if (mt === 0 || this.tagAt(want) !== Tag.Table || this.i32[want >> 2] !== mt) return undefined;
    return this.heap.userdataValue(this.i32[p >> 2]!);
  }
  checkUdata(arg: number, tname: string): unknown {
    const v = this.testUdata(arg, tname);
    if (v === undefined) this.typeError(arg, tname);
    return v;
  }
  /** Push a new full userdata holding a JS value. */
  newUserdata(value: unknown, nuv = 0): number {
    const u = this.heap.newUserdata(value, nuv);
    this.heap.setObj(this.pushSlot(), Tag.Userdata, u);
    return u;
  }

  getGlobal(name: string): number {
    this.pushPtr(this.globalsPtr());
    const r = this.getField(-1, name);
    this.remove(-2);
    return r;
  }
  setGlobal(name: string): void {
    this.pushPtr(this.globalsPtr());
    this.insert(-2);
    this.setField(-2, name);
    this.pop();
  }
  globalsPtr(): number { return this.heap.getInt(this.heap.registry, 2); }
  globals(): number { return this.i32[this.globalsPtr() >> 2]!; }

  /** luaL_setfuncs: set each function into the table on top (below `nup` upvalues, which are
   *  shared by all of them and popped). */
  setFuncs(fns: Record<string, HostFn | false>, nup = 0): void {
    for (const name of Object.keys(fns)) {
      const f = fns[name]!;
      if (f === false) this.pushBoolean(false);
      else {
        for (let i = 0; i < nup; i++) this.pushValue(-nup);
        this.pushHostFunction(f, nup, name);
      }
      this.setField(-(nup + 2), name);
    }
    this.pop(nup);
  }
  /** luaL_newlib: push a new table with the functions. */
  newLib(fns: Record<string, HostFn | false>): number {
    const t = this.newTable(0, Object.keys(fns).length);
    this.setFuncs(fns, 0);
    return t;
  }
  /** luaL_requiref: call openf(modname) unless loaded, store in _LOADED[modname], optionally
   *  set the global; leaves the module on the stack. */
  requireF(modname: string, openf: HostFn, glb: boolean): void {
    this.getSubTable(REGISTRYINDEX, '_LOADED');
    this.getField(-1, modname);
    if (!this.toBoolean(-1)) {
      this.pop();
      this.pushHostFunction(openf, 0, modname);
      this.pushString(modname);
      this.call(1, 1);
      this.pushValue(-1);
      this.setField(-3, modname);
    }
    this.remove(-2);
    if (glb) { this.pushValue(-1); this.setGlobal(modname); }
  }
  /** luaL_getsubtable */
  getSubTable(idx: number, fname: string): boolean {
    const a = this.absIndex(idx);
    if (this.getField(a, fname) === Tag.Table) return true;
    this.pop();
    this.newTable();
    this.pushValue(-1);
    this.setField(a, fname);
    return false;
  }

  rawEqual(i1: number, i2: number): boolean {
    if (this.isNone(i1) || this.isNone(i2)) return false;
    return this.heap.rawEquals(this.ptr(i1), this.ptr(i2));
  }
  /** lua_compare: op 0 EQ, 1 LT, 2 LE (with metamethods). */
  compare(i1: number, i2: number, op: number): boolean {
    if (this.isNone(i1) || this.isNone(i2)) return false;
    const a = this.ptr(i1), b = this.ptr(i2);
    if (op === 0) return M.equalJS(this, a, b);
    if (op === 1) return M.lessThanJS(this, a, b);
    return M.lessEqualJS(this, a, b);
  }
  /** lua_concat: concatenates the n values on top (with __concat), leaving the result. */
  concat(n: number): void {
    if (n === 0) { this.pushString(''); return; }
    if (n === 1) return;
    M.concatJS(this, n);
  }
  /** lua_arith with a TM of an arithmetic/bitwise event (ADD..BNOT); operands on top. */
  arith(event: number): void {
    if (event === TM.UNM || event === TM.BNOT) { this.pushValue(-1); }
    const a = this.slot(this.top - 2), b = this.slot(this.top - 1);
    M.arithJS(this, event, a, b, this.top - 2);
    this.top--;
  }

  // ================================================================================
  // Calls
  // ================================================================================

  /** lua_call: calls the function below its nargs arguments on top; leaves nres results
   *  (MULTRET: all). Not yieldable. */
  call(nargs: number, nres: number): void {
    this.callValue(this.top - nargs - 1, nres);
  }

  /** lua_pcall: like call but catches errors: returns OK (0) or ERRRUN (2) with the error
   *  value on top. msgh: API index of a message handler, or 0. */
  pcall(nargs: number, nres: number, msgh = 0): number {
    const td = this.td;
    const func = this.top - nargs - 1;
    const ci = td.ci, base = this.base, cc = this.nCcalls, nny = td.nny, oldErr = td.errfunc;
    const allowHook = td.allowHook;
    if (msgh !== 0) td.errfunc = this.base + this.absIndex(msgh) - 1;
    try {
      this.callValue(func, nres);
      td.errfunc = oldErr;
      return OK;
    } catch (e) {
      td.allowHook = allowHook;
      this.recoverTo(e, ci, func, base, cc, nny);
      td.errfunc = oldErr;
      return ERRRUN;
    }
  }

  /** Unwind to CallInfo `ci` after error `e`: close upvalues and to-be-closed variables from
   *  `level`, leave the error value at slot `level` and top just above it. With `defer`, the
   *  to-be-closed variables are left to the caller: if there are some, the error value is
   *  pushed above all of them and the answer is true. */
  recoverTo(e: unknown, ci: number, level: number, base: number, cc: number, nny: number, defer = false): boolean {
    const td = this.td;
    const thr = this.toThrow(e);
    if (level < MAXSTACK - 1000) td.stackLimit = MAXSTACK;
    this.nCcalls = cc;
    td.nny = nny;
    td.ci = ci;
    this.base = base;
    let err = thr;
    // __close handlers of the unwound frames run with the error, above every pending
    // variable; their errors replace it
    for (;;) {
      try {
        this.closeUpvals(level);
        if (td.tbc.length && td.tbc[td.tbc.length - 1]! >= level) {
          let t = Math.max(this.top, level);
          for (const s of td.tbc) if (s + 1 > t) t = s + 1;
          this.top = t;
          this.pushThrown(err);
          if (defer) return true;
          this.closeTbc(level, this.slot(t), true);
        }
        break;
      } catch (e2) {
        err = this.toThrow(e2);
        this.nCcalls = cc; td.nny = nny; td.ci = ci; this.base = base;
      }
    }
    this.top = level;
    this.pushThrown(err);
    return false;
  }

  /** Prepare a call for a continuation: the function at API index `funcIdx`... is the one
   *  below the top `nargs` values; the host function must `return L.callK(...)`. When the
   *  call returns, k(L, OK, ctx) runs with the results on top (after the host's own stack
   *  values); if `protect`, an error is caught and k gets ERRRUN with the error on top. */
  callK(nargs: number, nres: number, k: HostK, ctx = 0, protect = false): number {
    const td = this.td;
    const ci = td.ci;
    this.pendFunc = this.top - nargs - 1;
    this.pendNres = nres;
    td.ciK[ci] = k;
    td.ciCtx[ci] = ctx;
    td.cis[(ci << 4) | CIF.Extra] = this.pendFunc;
    td.cis[(ci << 4) | CIF.Flags] |= CIST.WAITK | (protect ? (td.allowHook ? CIST.PCALL : CIST.PCALL | CIST.NOHOOK) : 0);
    return CALLK;
  }

  /** Generic call from JS (host code, the embedding API): Lua functions run in a nested
   *  execute(), host functions directly. Not yieldable. */
  callValue(func: number, nres: number): void {
    if (++this.nCcalls >= MAXCCALLS) this.checkCstack();
    const td = this.td;
    // the callee may run host functions that move `base`; the caller's API indices need it back
    const savedBase = this.base;
    td.nny++;
    for (;;) {
      const p = this.stk + (func << 4);
      const tag = this.i32[(p >> 2) + 2]!;
      if (tag === Tag.LFunc) {
        // calls from host code (sort comparators, gsub callbacks) count for the budget too:
        // a callback without loops would never reach it (own counter: loopCounter paces the JIT)
        if (this.hooks.budget !== undefined && --this.budgetCalls <= 0) {
          this.budgetCalls = this.budgetInterval;
          this.hooks.budget();
        }
        this.precallLua(func, nres, CIST.FRESH);
        execute(this);
        break;
      }
      if (tag === Tag.HFunc) { this.callHostJS(func, nres); break; }
      this.tryFuncTM(func);
    }
    this.base = savedBase;
    td.nny--;
    this.nCcalls--;
  }

  checkCstack(): void {
    if (this.nCcalls === MAXCCALLS) this.runError('C stack overflow');
    else if (this.nCcalls >= (MAXCCALLS / 10) * 11) this.throwErrErr();
  }

  /** The value at `func` is not a function: put its __call in front of it (args shift up). */
  tryFuncTM(func: number): void {
    const p = this.stk + (func << 4);
    const tm = this.tmOf(p, TM.CALL);
    if (tm === 0) D.callError(this, func);
    this.ensureSlots(this.top + 1 + EXTRA_STACK);
    const h = this.heap;
    for (let s = this.top; s > func; s--) h.copy(this.slot(s), this.slot(s - 1));
    this.top++;
    h.copy(this.slot(func), this.tmOf(this.slot(func + 1), TM.CALL));
  }

  /** Stack room for a frame of `fsize` registers at `func` (PUC's test: the registers above
   *  the arguments must fit below LUAI_MAXSTACK); may move the stack. */
  frameRoom(func: number, fsize: number): void {
    const need = this.top + fsize;
    if (need > this.td.stackLimit) this.ensureSlots(need);
    this.ensureSlots(func + 1 + fsize + EXTRA_STACK);
  }

  /** Push a CallInfo for the Lua function at slot `func` (arguments up to top). */
  precallLua(func: number, nres: number, flags: number): void {
    const h = this.heap;
    const cl = this.i32[(this.stk + (func << 4)) >> 2]!;
    const pref = h.closureProto(cl);
    const P = h.protoOf(pref);
    const fsize = P.maxStackSize;
    // PUC's test: the frame's registers above the arguments must fit below LUAI_MAXSTACK
    const need = this.top + fsize;
    if (need + EXTRA_STACK > this.stackSize || need > MAXSTACK) this.frameRoom(func, fsize);
    let nargs = this.top - func - 1;
    const np = P.numParams;
    for (; nargs < np; nargs++) h.setNil(this.stk + ((func + 1 + nargs) << 4));
    if (P.isVararg) this.top = func + 1 + nargs;
    this.td.pushLua(func, nres, fsize, flags, cl, pref);
  }

  /** Call the host function at `func` from JS; handles callK continuations by nesting. */
  callHostJS(func: number, nres: number): void {
    const td = this.td;
    const ci = ++td.ci;
    if (ci >= td.cap) td.grow(ci + 1);
    td.cis[(ci << 4) | CIF.Func] = func;
    td.cis[(ci << 4) | CIF.Base] = func + 1;
    td.cis[(ci << 4) | CIF.Nres] = nres;
    td.cis[(ci << 4) | CIF.Flags] = CIST.HOST;
    td.ciK[ci] = null;
    const savedBase = this.base;
    this.base = func + 1;
    if (this.top + MINSTACK > this.stackSize) this.ensureSlots(this.top + MINSTACK);
    if (td.hookMask & HOOK_CALL) this.hookHostCall(func);
    const ref = this.i32[(this.stk + (func << 4)) >> 2]!;
    const fn = this.heap.hostFunction(ref) as unknown as HostFn;
    let n = fn(this, func + 1, this.top - func - 1);
    while (n < 0) {
      if (n === YIELD) this.runError('attempt to yield across a C-call boundary');
      const f = this.pendFunc, pn = this.pendNres;
      const flags = td.cis[(ci << 4) | CIF.Flags]!;
      let status = OK;
      if (flags & CIST.PCALL) {
        const cc = this.nCcalls, nny = td.nny;
        const allowHook = td.allowHook;
        try { this.callValue(f, pn); } catch (e) {
          td.allowHook = allowHook;
          this.recoverTo(e, ci, f, func + 1, cc, nny);
          status = ERRRUN;
        }
        if (flags & CIST.XPCALL) td.errfunc = td.cis[(ci << 4) | CIF.OldErr]!;
      } else {
        this.callValue(f, pn);
      }
      td.cis[(ci << 4) | CIF.Flags] = CIST.HOST;
      this.base = func + 1;
      n = td.ciK[ci]!(this, status, td.ciCtx[ci]!);
    }
    this.poscall(ci, n);
    this.base = savedBase;
    this.checkGC();
  }

  /** Move the top n values (a frame's results) to the frame's function slot, adjusted to the
   *  wanted count, and pop the CallInfo. */
  poscall(ci: number, n: number): void {
    const td = this.td;
    if (td.hookMask !== 0) this.retHook(ci, n);
    const res = td.cis[(ci << 4) | CIF.Func]!;
    const wanted = td.cis[(ci << 4) | CIF.Nres]!;
    const first = this.top - n;
    const h = this.heap;
    const stk = this.stk;
    if (wanted === MULTRET) {
      for (let i = 0; i < n; i++) h.copy(stk + ((res + i) << 4), stk + ((first + i) << 4));
      this.top = res + n;
    } else {
      const m = n < wanted ? n : wanted;
      for (let i = 0; i < m; i++) h.copy(stk + ((res + i) << 4), stk + ((first + i) << 4));
      for (let i = m; i < wanted; i++) h.setNil(stk + ((res + i) << 4));
      this.top = res + wanted;
    }
    td.ci = ci - 1;
  }

  // ================================================================================
  // Debug hooks (ldo.c's luaD_hook, luaD_hookcall, rethook)
  // ================================================================================

  /** Call the current thread's hook for `event` on the running frame, with hooks off while it
   *  runs. The frame's registers (up to its ciTop) and the current top are preserved.
   *  `ftransfer`/`ntransfer`: the values debug.getinfo 'r' reports (slots from the function). */
  runHook(event: HookEvent, line: number, ftransfer: number, ntransfer: number): void {
    const td = this.td;
    const fn = this.hookFn;
    if (fn === null || !td.allowHook) return;
    const ci = td.ci;
    const top = this.top, base = this.base;
    if ((td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) && this.top < td.cis[(ci << 4) | CIF.Top]!) this.top = td.cis[(ci << 4) | CIF.Top]!;
    this.ensureSlots(this.top + MINSTACK + EXTRA_STACK);
    // the hook's own API indices start above everything the frame uses
    this.base = this.top;
    td.allowHook = false;
    td.cis[(ci << 4) | CIF.Flags] |= CIST.HOOKED;
    // as luaD_hook: transfer values are reported only when there are some
    td.hookCi = ntransfer !== 0 ? ci : -1; td.ftransfer = ftransfer; td.ntransfer = ntransfer;
    fn(this, event, line);
    td.hookCi = -1;
    td.allowHook = true;
    td.cis[(ci << 4) | CIF.Flags] &= ~CIST.HOOKED;
    this.top = top; this.base = base;
  }

  /** luaD_hookcall for the Lua frame on top (its pc is before its first instruction). */
  hookLuaCall(): void {
    const td = this.td;
    td.oldPc = 0;
    if (!(td.hookMask & HOOK_CALL)) return;
    const ci = td.ci;
    // hooks see the pc already moved on (line of the first instruction)
    td.cis[(ci << 4) | CIF.Pc]!++;
    this.runHook(td.cis[(ci << 4) | CIF.Flags]! & CIST.TAIL ? HookEvent.TAILCALL : HookEvent.CALL, -1, 1, this.heap.protoOf(td.cis[(ci << 4) | CIF.Pref]!).numParams);
    td.cis[(ci << 4) | CIF.Pc]!--;
  }

  /** The call hook of a host function whose frame is on top (arguments func+1..top-1). */
  hookHostCall(func: number): void {
    this.runHook(HookEvent.CALL, -1, 1, this.top - func - 1);
  }

  /** rethook: frame `ci` returns its top n values. */
  private retHook(ci: number, n: number): void {
    const td = this.td;
    if (td.hookMask & HOOK_RET) {
      const first = this.top - n;
      // a vararg Lua frame has moved its function up: report slots from the moved one
      const func = td.cis[(ci << 4) | CIF.Func]!;
      const vfunc = td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA ? td.cis[(ci << 4) | CIF.Base]! - 1 : func;
      td.cis[(ci << 4) | CIF.Func] = vfunc;
      this.runHook(HookEvent.RET, -1, first - vfunc, n);
      td.cis[(ci << 4) | CIF.Func] = func;
    }
    const caller = ci - 1;
    if (td.cis[(caller << 4) | CIF.Flags]! & CIST.LUA) td.oldPc = td.cis[(caller << 4) | CIF.Pc]! - 1;
  }

  /** Return from a host function to signal a yield of its top `nresults` values. */
  yield(nresults: number): number {
    const td = this.td;
    if (td.nny > 0) {
      if (td === this.mainTd) this.runError('attempt to yield from outside a coroutine');
      this.runError('attempt to yield across a C-call boundary');
    }
    this.nxfer = nresults;
    return YIELD;
  }

  // ================================================================================
  // Upvalues and to-be-closed variables
  // ================================================================================

  /** The open upvalue for stack slot `s` of the current thread (created if needed). */
  findUpval(s: number): number {
    const h = this.heap, th = this.th;
    let prev = 0;
    let uv = h.threadOpenUpval(th);
    while (uv !== 0) {
      const us = h.upvalSlot(uv);
      if (us === s) return uv;
      if (us < s) break;
      prev = uv;
      uv = h.upvalNext(uv);
    }
    const nu = h.newUpval(th, s);
    h.setUpvalNext(nu, uv);
    if (prev === 0) h.setThreadOpenUpval(th, nu); else h.setUpvalNext(prev, nu);
    return nu;
  }

  closeUpvals(level: number): void {
    const h = this.heap, th = this.th;
    let uv = h.threadOpenUpval(th);
    while (uv !== 0 && h.upvalSlot(uv) >= level) {
      const nx = h.upvalNext(uv);
      h.closeUpval(uv);
      uv = nx;
    }
    h.setThreadOpenUpval(th, uv);
  }

  /** Call __close of pending to-be-closed variables at slots >= level, newest first. `errp`:
   *  pointer to the error value (or 0 for a normal exit: nil is passed). Not yieldable. */
  closeTbc(level: number, errp: number, isErr: boolean): void {
    const td = this.td;
    const h = this.heap;
    while (td.tbc.length && td.tbc[td.tbc.length - 1]! >= level) {
      const s = td.tbc.pop()!;
      const vp = this.slot(s);
      const tm = this.tmOf(vp, TM.CLOSE);
      this.ensureSlots(this.top + 3 + EXTRA_STACK);
      const f = this.top;
      // A metamethod removed after the variable was marked is called as nil, as 5.4 does:
      // "attempt to call a nil value (metamethod 'close')" from CLOSE/RETURN.
      if (tm === 0) h.setNil(this.slot(f)); else h.copy(this.slot(f), tm);
      h.copy(this.slot(f + 1), this.slot(s));
      if (isErr && errp !== 0) h.copy(this.slot(f + 2), errp); else h.setNil(this.slot(f + 2));
      this.top = f + 3;
      this.callValue(f, 0);
      this.top = f;
    }
  }

  // ================================================================================
  // Errors
  // ================================================================================

  /** lua_error: raise the value on top. */
  error(): never { return this.throwValue(this.slot(this.top - 1)); }

  /** luaL_error: raise "where(1) .. msg". */
  errorMsg(msg: string): never {
    return this.throwString(D.where(this, 1) + msg);
  }

  /** Raise a runtime error from the current frame (adds position if it is a Lua frame). */
  runError(msg: string): never {
    const td = this.td;
    const ci = td.ci;
    if (td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) msg = D.positionOf(this, td, ci) + msg;
    return this.throwString(msg);
  }

  throwString(msg: string): never {
    this.ensureSlots(this.top + 2 + EXTRA_STACK);
    const p = this.slot(this.top);
    this.heap.setStr(p, this.heap.intern(msg));
    this.top++;
    return this.throwValue(p);
  }

  /** luaG_errormsg: run the message handler (if any) on the value, then throw. */
  throwValue(p: number): never {
    const td = this.td;
    if (td.errfunc !== 0) {
      this.ensureSlots(this.top + 2 + EXTRA_STACK);
      const h = this.heap;
      const f = this.top;
      h.copy(this.slot(f + 1), p);
      h.copy(this.slot(f), this.slot(td.errfunc));
      this.top = f + 2;
      this.callValue(f, 1);
      p = this.slot(this.top - 1);
    }
    return this.throwRaw(p);
  }

  throwRaw(p: number): never {
    this.heap.copy(this.errSlot, p);
    const tag = this.tagAt(p);
    const text = tag === Tag.Str ? this.heap.str(this.i32[p >> 2]!)
      : tag === Tag.Int || tag === Tag.Float ? M.numberToString(this, p) : undefined;
    throw new LuaThrow(tag, this.i32[p >> 2]!, this.i32[(p >> 2) + 1]!, text);
  }

  /** LUA_ERRERR: an error while handling an error; the handler is not called. */
  throwErrErr(): never {
    const p = this.errSlot;
    this.heap.setStr(p, this.heap.intern('error in error handling'));
    return this.throwRaw(p);
  }

  /** Convert anything caught in JS into a LuaThrow (errors from the heap get the position of
   *  the current frame; a JS stack overflow becomes a Lua error). */
  toThrow(e: unknown): LuaThrow {
    if (e instanceof LuaThrow) return e;
    try {
      if (e instanceof LuaMemoryError) {
        this.heap.setStr(this.errSlot, this.heap.intern('not enough memory'));
        this.throwRaw(this.errSlot);
      }
      if (e instanceof LuaRuntimeError) this.runError(e.message);
      // a JS stack overflow; also met as a SyntaxError when V8 compiles a RegExp with no stack
      // left (no RegExp here: this runs on that same exhausted stack)
      if ((e instanceof RangeError || e instanceof SyntaxError) && e.message.includes('Maximum call stack')) {
        this.runError('C stack overflow');
      }
    } catch (e2) {
      if (e2 instanceof LuaThrow) return e2;
      throw e2;
    }
    throw e;
  }

  /** Write a caught error value to pointer p. */
  setThrown(p: number, e: LuaThrow): void {
    const i = p >> 2;
    this.i32[i] = e.lo; this.i32[i + 1] = e.hi; this.i32[i + 2] = e.tag;
  }
  pushThrown(e: LuaThrow): void { this.setThrown(this.pushSlot(), e); }

  // ================================================================================
  // Finalizers and warnings
  // ================================================================================

  private runFinalizer(tag: number, ref: number): void {
    const tmp = this.tmpPtr2;
    this.heap.setObj(tmp, tag, ref);
    const tm = this.tmOf(tmp, TM.GC);
    // the cell is a GC root: leaving the object in it would keep it alive forever
    this.heap.setNil(tmp);
    if (tm === 0) return;
    const savedTop = this.top, savedBase = this.base, td = this.td, ci = td.ci;
    const cc = this.nCcalls, nny = td.nny;
    const wasIn = this.inFinalizer;
    this.inFinalizer = true;
    try {
      this.ensureSlots(this.top + 2 + EXTRA_STACK);
      this.pushPtr(tm);
      this.heap.setObj(this.pushSlot(), tag, ref);
      const oldErr = td.errfunc;
      td.errfunc = 0;
      td.cis[(ci << 4) | CIF.Flags] |= CIST.FIN;
      // no debug hooks inside a finalizer (GCTM): a hook could start a collection
      const allowHook = td.allowHook;
      td.allowHook = false;
      try {
        this.callValue(this.top - 2, 0);
      } catch (e) {
        const t = this.toThrow(e);
        this.nCcalls = cc; td.nny = nny; td.ci = ci;
        this.warnError('__gc', t);
      }
      td.allowHook = allowHook;
      td.errfunc = oldErr;
    } finally {
      td.cis[(ci << 4) | CIF.Flags] &= ~CIST.FIN;
      this.inFinalizer = wasIn;
      this.top = savedTop; this.base = savedBase;
    }
  }

  warnError(where: string, t: LuaThrow): void {
    const msg = t.tag === Tag.Str ? t.text! : 'error object is not a string';
    this.warn(`error in ${where} (${msg})`, false);
  }

  /** lua_warning with lua.c's handler: control messages '@on'/'@off', pieces continued while
   *  `tocont`. */
  warn(msg: string, tocont: boolean): void {
    if (this.warnBuf === null && !tocont && msg.charCodeAt(0) === 64 /* @ */) {
      if (msg === '@on') this.warnOn = true;
      else if (msg === '@off') this.warnOn = false;
      return;
    }
    this.warnBuf = (this.warnBuf ?? '') + msg;
    if (!tocont) {
      if (this.warnOn) this.stderr('Lua warning: ' + this.warnBuf + '\n');
      this.warnBuf = null;
    }
  }

  // ================================================================================
  // Threads
  // ================================================================================

  threadData(th: number): ThreadData {
    let td = this.threads.get(th);
    if (!td) {
      td = new ThreadData(th);
      td.cis[(0 << 4) | CIF.Flags] = CIST.HOST;
      this.threads.set(th, td);
    }
    return td;
  }

  /** A fresh JS-side state for the new thread `th` (registered in `threads`). */
  newThreadData(th: number): ThreadData {
    let td = this.freeTds.pop();
    if (td === undefined) td = new ThreadData(th); else td.reset(th);
    this.threads.set(th, td);
    return td;
  }

  /** Make `th` the current thread (saving the API state of the current one). */
  switchTo(th: number): void { this.switchToTd(this.threadData(th)); }

  /** switchTo for a thread whose ThreadData the caller holds (no lookup). */
  switchToTd(td: ThreadData): void {
    const cur = this.td;
    cur.top = this.top; cur.base = this.base;
    this.heap.setThreadTop(this.th, this.top);
    this.th = td.ref; this.td = td;
    this.reloadStack();
    this.top = td.top; this.base = td.base;
  }

  // ================================================================================
  // Misc
  // ================================================================================

  /** Text of a number at p as tostring gives it. */
  numberText(p: number): string { return M.numberToString(this, p); }

  /** Float or integer formatting helpers for libraries. */
  static fmtFloat = fmtFloat;
  static fmtInt = fmtInt;

  /** True when |n| is an integer that int64 and a JS number both hold exactly. */
  static isSafeInt(n: number): boolean { return Number.isInteger(n) && n < TWO53 && n > -TWO53; }

  /** Name of metamethod event e. */
  static tmName(e: number): string { return TM_NAMES[e]!; }
}
