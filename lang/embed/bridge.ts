// The machinery behind `Lua` (lua.ts): one LuaState, the protected entry into it, value
// conversion both ways, and the registry references that keep Lua values alive while JS holds
// them (DESIGN §3: the GC sees only the arena, so a JS-held value must be reachable from it).
//
// Every entry from JS runs as a host function inside L.pcall (as lua.c's pmain does), so any
// Lua error, memory error or stack overflow on the way (including while converting values)
// unwinds the Lua stack properly and surfaces as one LuaError.
import { Tag } from '../heap/tags.js';
import { Heap, arenaBytesFor } from '../heap/index.js';
import { LuaState, LuaThrow } from '../vm/state.js';
import { CoStatus } from '../vm/thread.js';
import { MAXSTACK, MULTRET, REGISTRYINDEX } from '../vm/consts.js';
import type { HostFn } from '../vm/types.js';
import { LuaExit } from '../../stdlib/exit.js';
import { setIoHost } from '../../stdlib/io-host.js';
import { allocArena, freeArena, nativeStatus } from '../../native/addon.js';
import { attachJit, type Jit } from '../../jit/jit.js';
import { LuaError, LuaClosedError, type LuaErrorKind } from './error.js';
import { Limits } from './limits.js';
import { openLibs, type LibsOption } from './libs.js';
import { LuaRef, LuaTable, MultiReturn, type LuaFunction, type RefSlot } from './values.js';
import { fromBytes, toBytes } from './text.js';

export interface BridgeOptions {
  memoryLimit: number;
  timeLimit: number;
  instructionLimit: number;
  jit: boolean;
  libs: LibsOption;
  strings: 'text' | 'bytes';
  stdout: ((text: string) => void) | undefined;
  stderr: ((text: string) => void) | undefined;
}

/** Nesting a JS value may have when copied into Lua or out of it (as Lua's own C levels). */
const MAX_DEPTH = 200;
/** Iterations a trace runs per entry when limits are on: the budget hook runs between
 *  entries, so this bounds how late a limit is noticed in compiled code (~1 ms). */
const LIMITED_TRACE_ENTRY = 1 << 20;
/** The host function behind a JS function passed to Lua, for the way back. */
const JS_FUNCTION = Symbol('lunet.jsFunction');

/** Stack slots beyond which the main thread's stack is cut back after a call, and to what. */
const SHRINK_STACK_ABOVE = 1 << 16;
const KEEP_STACK = 4096;

const FIXED_REFS = 3; // 1 trampoline, 2 message handler, 3 metatable of JS objects

interface Saved { top: number; base: number; ci: number; cc: number; nny: number; errfunc: number; th: number }

export class Bridge {
  readonly L: LuaState;
  readonly limits: Limits;
  readonly jit: Jit | null;
  closed = false;
  /** Calls from JS into Lua in progress (host callbacks nest them). */
  private depth = 0;
  private readonly arena: ArrayBuffer | undefined;
  /** Registry table whose integer keys hold the values JS references. */
  private readonly refTable: number;
  private readonly freeRefs: number[] = [];
  private nextRef = FIXED_REFS + 1;
  /** One handle per Lua object while JS keeps it (arena ref -> handle), so identity holds. */
  private readonly handles = new Map<number, WeakRef<object>>();
  private readonly finalizer = new FinalizationRegistry<RefSlot>((slot) => this.dropSlot(slot));
  /** Work of the current protected call (read by the trampoline). */
  private pending: (() => void) | null = null;
  private traceback = '';
  private errorKind: LuaErrorKind | '' = '';
  private readonly opaqueMt: number;
  private readonly outDecoder = new TextDecoder('utf-8');
  private readonly errDecoder = new TextDecoder('utf-8');
  readonly strings: 'text' | 'bytes';
  private readonly stdoutFn: ((text: string) => void) | undefined;
  private readonly stderrFn: ((text: string) => void) | undefined;

  constructor(opts: BridgeOptions) {
    this.strings = opts.strings;
    // mmap'd with the addon so close() can give it back at once (see lang/cli/main.ts)
    this.arena = nativeStatus().addon ? allocArena(arenaBytesFor(opts.memoryLimit)) : undefined;
    const out = opts.stdout, err = opts.stderr;
    this.stdoutFn = out;
    this.stderrFn = err;
    try {
      const heap = new Heap({ memoryLimit: opts.memoryLimit, buffer: this.arena });
      this.L = LuaState.create({
        heap,
        stdout: out ? (s) => { const t = this.decode(this.outDecoder, s); if (t !== '') out(t); } : undefined,
        stderr: err ? (s) => { const t = this.decode(this.errDecoder, s); if (t !== '') err(t); } : undefined,
      });
      const L = this.L;
      // io.read gets end of input rather than blocking on the host's stdin
      setIoHost(L, { readStdin: () => '' });
      L.newTable(16, 0);
      this.refTable = L.toTable(-1);
      L.setField(REGISTRYINDEX, '_LUNET_EMBED_REFS');
      L.pushHostFunction(() => { const f = this.pending!; this.pending = null; f(); return 0; }, 0, '?');
      this.setSlot(1, L.ptr(-1)); L.pop();
      L.pushHostFunction((L) => { this.traceback = L.traceback(undefined, 1); return 1; }, 0, 'msghandler');
      this.setSlot(2, L.ptr(-1)); L.pop();
      this.opaqueMt = L.newTable(0, 2);
      L.pushString('js object'); L.setField(-2, '__name');
      L.pushBoolean(false); L.setField(-2, '__metatable');
      this.setSlot(3, L.ptr(-1)); L.pop();
      openLibs(L, opts.libs);
    } catch (e) {
      if (this.arena) freeArena(this.arena);
      if (e instanceof Error && e.message.startsWith('lunet:')) throw e;
      throw new Error(`lunet: cannot create a Lua state: ${e instanceof LuaThrow ? e.text : (e as Error).message}`);
    }
    this.limits = new Limits(this.L, opts.timeLimit, opts.instructionLimit);
    this.jit = attachJit(this.L, { enabled: opts.jit, verbose: false, dump: false, hotloop: null, hotexit: null });
    if (this.jit && this.limits.active) this.jit.entryBudget = LIMITED_TRACE_ENTRY;
  }

  private decode(d: TextDecoder, bytes: string): string {
    return d.decode(Buffer.from(bytes, 'latin1'), { stream: true });
  }

  // ================================================================================
  // Protected calls
  // ================================================================================

  /** Runs `body` (which works on the Lua stack) as a protected host function; returns what it
   *  returns, or throws the LuaError it raised. Re-entrant: a host callback may call in. */
  protect<T>(body: () => T): T {
    if (this.closed) throw new LuaClosedError();
    const L = this.L, td = L.td;
    const saved: Saved = { top: L.top, base: L.base, ci: td.ci, cc: L.nCcalls, nny: td.nny, errfunc: td.errfunc, th: L.th };
    const outer = this.depth === 0;
    let result: T | undefined;
    L.checkStack(4);
    this.pushSlot(2);
    const msgh = L.gettop();
    this.pushSlot(1);
    this.pending = () => { result = body(); };
    this.errorKind = '';
    if (outer) this.limits.start();
    this.depth++;
    let status: number;
    try {
      status = L.pcall(0, 0, msgh);
    } catch (e) {
      // not a Lua error: os.exit, or a fault in host code; the interpreter's frames are
      // still on the stack
      this.depth--;
      if (!outer) throw e;
      this.limits.stop();
      this.repair(saved);
      if (e instanceof LuaExit) {
        if (e.closeState) this.free();
        throw new LuaError(`os.exit(${e.status}) called`, e.status, '', 'exit', e.status);
      }
      throw e;
    }
    this.depth--;
    if (outer) this.limits.stop();
    const tripped = outer ? this.limits.tripped : '';
    if (status !== 0) {
      const err = this.errorAtTop(tripped);
      this.restoreTop(saved.top);
      // allocation does not collect: give the next call the memory this one left as garbage
      if (outer && err.kind === 'memory') this.L.fullGC();
      throw err;
    }
    this.restoreTop(saved.top);
    if (tripped !== '') {
      // the script caught the limit's error and returned: the call still failed
      const msg = tripped === 'timeout' ? 'time limit exceeded' : 'instruction limit exceeded';
      throw new LuaError(msg, msg, '', tripped);
    }
    return result as T;
  }

  /** Drop what the call left on the stack, and tell the collector: it marks the stack up to
   *  the last published top, and a stale one would keep the call's garbage alive. */
  private restoreTop(top: number): void {
    const L = this.L;
    L.top = top;
    if (this.depth !== 0) return;
    L.heap.setThreadTop(L.th, top);
    // a deep recursion leaves a big stack (up to 16 MB) that would count against the memory
    // limit of every later call; PUC's collector shrinks stacks the same way
    if (L.stackSize > SHRINK_STACK_ABOVE) {
      try {
        L.heap.shrinkStack(L.th, Math.max(top * 2, KEEP_STACK));
        L.reloadStack();
      } catch {
        // no memory even for the smaller copy: keep the big one
      }
    }
  }

  private errorAtTop(tripped: string): LuaError {
    const L = this.L;
    const t = L.type(-1);
    let value: unknown;
    try { value = this.toJS(-1); } catch { value = undefined; }
    let message: string;
    if (t === Tag.Str) message = fromBytes(L.toStringX(-1)!);
    else if (t === Tag.Int || t === Tag.Float) message = L.numberText(L.ptr(-1));
    else message = `(error object is a ${L.typeNameAt(-1)} value)`;
    let kind: LuaErrorKind = 'runtime';
    if (tripped !== '') kind = tripped as LuaErrorKind;
    else if (this.errorKind !== '') kind = this.errorKind;
    else if (t === Tag.Str && message === 'not enough memory') kind = 'memory';
    const tb = kind === 'syntax' || kind === 'memory' ? '' : this.traceback;
    this.traceback = '';
    this.errorKind = '';
    return new LuaError(message, value, tb, kind);
  }

  /** After a non-Lua exception crossed the interpreter: back to the state of the call's
   *  start (main thread, frames, C levels, open upvalues closed, pending tbc dropped). */
  private repair(s: Saved): void {
    const L = this.L;
    if (this.closed) return;
    if (L.th !== s.th) {
      // coroutines that were running or resuming others can never continue
      for (const td of L.threads.values()) {
        if (td !== L.mainTd && (td.status === CoStatus.Running || td.status === CoStatus.Normal)) td.status = CoStatus.Dead;
      }
      L.switchTo(s.th);
      L.td.status = CoStatus.Running;
    }
    const td = L.td;
    L.closeUpvals(s.top);
    while (td.tbc.length !== 0 && td.tbc[td.tbc.length - 1]! >= s.top) td.tbc.pop();
    td.ci = s.ci; L.base = s.base; L.nCcalls = s.cc; td.nny = s.nny; td.errfunc = s.errfunc;
    this.restoreTop(s.top);
    td.stackLimit = MAXSTACK;
    L.inFinalizer = false;
  }

  /** Raise a Lua error with message `msg` (inside a protected call or a host function). */
  raise(msg: string): never {
    this.L.pushString(toBytes(msg));
    return this.L.error();
  }

  /** Raise the syntax error a load left on the stack. */
  raiseSyntax(): never {
    this.errorKind = 'syntax';
    return this.L.error();
  }

  // ================================================================================
  // Registry references
  // ================================================================================

  private setSlot(id: number, p: number): void { this.L.heap.setIntKey(this.refTable, id, p); }

  /** Push the value held in reference slot `id`. */
  pushSlot(id: number): void { this.L.pushPtr(this.L.heap.getInt(this.refTable, id)); }

  private newSlot(p: number): number {
    const id = this.freeRefs.pop() ?? this.nextRef++;
    this.setSlot(id, p);
    return id;
  }

  /** Forget a reference (its value may be collected); from release() or the JS GC. */
  dropSlot(slot: RefSlot): void {
    if (slot.released || this.closed) return;
    slot.released = true;
    this.L.heap.setIntKey(this.refTable, slot.id, this.L.heap.nilPtr);
    this.freeRefs.push(slot.id);
    const h = this.handles.get(slot.obj);
    if (h !== undefined && h === slot.owner) this.handles.delete(slot.obj);
  }

  unregister(handle: object): void { this.finalizer.unregister(handle); }

  /** A handle for the object at `p` (one per object while JS holds it). */
  private handleFor(p: number, tag: number): unknown {
    const obj = this.L.i32[p >> 2]!;
    const known = this.handles.get(obj)?.deref();
    if (known !== undefined) return known;
    const slot: RefSlot = { id: this.newSlot(p), obj, released: false, owner: null };
    let h: object;
    if (tag === Tag.Table) h = new LuaTable(this, slot);
    else if (tag === Tag.LFunc || tag === Tag.HFunc) h = this.functionHandle(slot);
    else h = new LuaRef(this, slot, tag === Tag.Thread ? 'thread' : 'userdata');
    slot.owner = new WeakRef(h);
    this.handles.set(obj, slot.owner);
    this.finalizer.register(h, slot, h);
    return h;
  }

  private functionHandle(slot: RefSlot): LuaFunction {
    const f = ((...args: unknown[]) => this.callSlot(slot, args)[0]) as LuaFunction;
    const all = (...args: unknown[]): unknown[] => this.callSlot(slot, args);
    const release = (): void => { this.unregister(f); this.dropSlot(slot); };
    Object.defineProperties(f, {
      all: { value: all },
      release: { value: release },
      [REF_SLOT]: { value: slot },
    });
    FUNCTION_OWNER.set(f, this);
    return f;
  }

  /** Call the function in `slot` with JS arguments; all results. */
  callSlot(slot: RefSlot, args: readonly unknown[]): unknown[] {
    this.checkSlot(slot, 'function');
    return this.protect(() => {
      this.pushSlot(slot.id);
      return this.callTop(args);
    });
  }

  /** Call the value on top with `args`; returns all results (the stack is restored by
   *  protect). */
  callTop(args: readonly unknown[]): unknown[] {
    const L = this.L;
    const f = L.gettop();
    L.checkStack(args.length + 4);
    for (const a of args) this.push(a);
    L.call(args.length, MULTRET);
    const out: unknown[] = [];
    for (let i = f; i <= L.gettop(); i++) out.push(this.toJS(i));
    return out;
  }

  checkSlot(slot: RefSlot, what: string): void {
    if (this.closed) throw new LuaClosedError();
    if (slot.released) throw new Error(`lunet: this Lua ${what} was released`);
  }

  // ================================================================================
  // Lua -> JS
  // ================================================================================

  /** The value at API index `idx` as a JS value (see the table in README.md). */
  toJS(idx: number): unknown {
    const L = this.L;
    const p = L.ptr(idx);
    const tag = L.tagAt(p);
    switch (tag) {
      case Tag.Nil: return undefined;
      case Tag.False: return false;
      case Tag.True: return true;
      case Tag.Int: {
        const lo = L.i32[p >> 2]!, hi = L.i32[(p >> 2) + 1]!;
        if (hi === lo >> 31) return lo;
        const b = L.heap.getIntBig(p);
        return b <= 9007199254740991n && b >= -9007199254740991n ? Number(b) : b;
      }
      case Tag.Float: return L.f64[p >> 3]!;
      case Tag.Str: {
        const s = L.heap.str(L.i32[p >> 2]!);
        return this.strings === 'bytes' ? Buffer.from(s, 'latin1') : fromBytes(s);
      }
      case Tag.HFunc: {
        const fn = L.heap.hostFunction(L.i32[p >> 2]!) as unknown as { [JS_FUNCTION]?: unknown };
        if (fn[JS_FUNCTION] !== undefined) return fn[JS_FUNCTION];
        return this.handleFor(p, tag);
      }
      case Tag.Userdata: {
        const u = L.i32[p >> 2]!;
        if (L.heap.userdataMetatable(u) === this.opaqueMt) return L.heap.userdataValue(u);
        return this.handleFor(p, tag);
      }
      default:
        return this.handleFor(p, tag);
    }
  }

  /** Deep copy of the table at `idx`: sequences 1..n become arrays, other tables objects
   *  with string keys; shared and cyclic tables stay shared and cyclic. */
  copyTable(idx: number, seen: Map<number, unknown>, depth: number): unknown {
    const L = this.L;
    idx = L.absIndex(idx);
    const t = L.toTable(idx);
    const done = seen.get(t);
    if (done !== undefined) return done;
    if (depth >= MAX_DEPTH) this.raise('table nested too deeply to copy');
    L.checkStack(4);
    let n = 0, max = 0, seq = true;
    L.pushNil();
    while (L.next(idx)) {
      n++;
      const kt = L.type(-2);
      if (kt === Tag.Int) {
        const k = L.toIntegerX(-2)!;
        if (k < 1) seq = false; else if (k > max) max = k;
      } else {
        seq = false;
        if (kt !== Tag.Str && kt !== Tag.Float) this.raise(`cannot copy a table with a ${L.typeNameAt(-2)} key to a JS object`);
      }
      L.pop(1);
    }
    const isArray = seq && n > 0 && max === n;
    const out: unknown[] | Record<string, unknown> = isArray ? new Array<unknown>(n) : {};
    seen.set(t, out);
    L.pushNil();
    while (L.next(idx)) {
      const v = L.type(-1) === Tag.Table ? this.copyTable(-1, seen, depth + 1) : this.toJS(-1);
      if (isArray) {
        (out as unknown[])[L.toIntegerX(-2)! - 1] = v;
      } else {
        const kt = L.type(-2);
        const key = kt === Tag.Str ? fromBytes(L.toStringX(-2)!) : L.numberText(L.ptr(-2));
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      }
      L.pop(1);
    }
    return out;
  }

  // ================================================================================
  // JS -> Lua
  // ================================================================================

  /** Push a JS value (see the table in README.md). */
  push(v: unknown, depth = 0, seen: Map<object, number> | null = null): void {
    const L = this.L;
    switch (typeof v) {
      case 'undefined': L.pushNil(); return;
      case 'boolean': L.pushBoolean(v); return;
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) L.pushInteger(v); else L.pushNumber(v);
        return;
      case 'bigint':
        if (v > 9223372036854775807n || v < -9223372036854775808n) this.raise('bigint out of range for a Lua integer');
        L.pushInteger(v);
        return;
      case 'string': L.pushString(toBytes(v)); return;
      case 'function': this.pushFunction(v as (...a: unknown[]) => unknown); return;
      case 'object': break;
      default: this.raise(`cannot pass a JS ${typeof v} to Lua`);
    }
    if (v === null) { L.pushNil(); return; }
    if (v instanceof LuaRef) {
      if (v.bridge !== this) this.raise('a value of another Lua state cannot be passed to this one');
      this.checkSlot(v.slot, 'value');
      this.pushSlot(v.slot.id);
      return;
    }
    if (v instanceof Uint8Array) { L.pushString(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1')); return; }
    const proto = Object.getPrototypeOf(v);
    const isArray = Array.isArray(v);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      // class instances, maps, dates...: an opaque userdata that comes back as the same object
      L.newUserdata(v, 0);
      this.pushSlot(3);
      L.setMetatable(-2);
      return;
    }
    const obj = v as object;
    const known = seen?.get(obj);
    if (known !== undefined) {
      L.pushNil();
      L.heap.setObj(L.ptr(-1), Tag.Table, known);
      return;
    }
    if (depth >= MAX_DEPTH) this.raise('JS value nested too deeply to copy into Lua');
    L.checkStack(4);
    seen ??= new Map();
    if (isArray) {
      const a = v as unknown[];
      seen.set(obj, L.newTable(a.length, 0));
      for (let i = 0; i < a.length; i++) {
        this.push(a[i], depth + 1, seen);
        L.rawSetI(-2, i + 1);
      }
    } else {
      const keys = Object.keys(obj);
      seen.set(obj, L.newTable(0, keys.length));
      for (const k of keys) {
        L.pushString(toBytes(k));
        this.push((obj as Record<string, unknown>)[k], depth + 1, seen);
        L.rawSet(-3);
      }
    }
  }

  private pushFunction(fn: (...a: unknown[]) => unknown): void {
    const slot = (fn as { [REF_SLOT]?: RefSlot })[REF_SLOT];
    if (slot !== undefined) {
      if (FUNCTION_OWNER.get(fn) !== this) this.raise('a function of another Lua state cannot be passed to this one');
      this.checkSlot(slot, 'function');
      this.pushSlot(slot.id);
      return;
    }
    this.L.pushHostFunction(this.hostFunction(fn), 0, fn.name || '?');
  }

  /** A Lua-callable wrapper of a JS function. */
  private hostFunction(fn: (...a: unknown[]) => unknown): HostFn {
    const host: HostFn = (L, _base, nargs) => {
      const args = new Array<unknown>(nargs);
      for (let i = 0; i < nargs; i++) args[i] = this.toJS(i + 1);
      let r: unknown;
      try {
        r = fn(...args);
      } catch (e) {
        return this.raiseThrown(e);
      }
      if (r !== null && (typeof r === 'object' || typeof r === 'function') && typeof (r as { then?: unknown }).then === 'function') {
        // nobody will ever look at this promise's outcome: keep a rejection from becoming an
        // unhandled rejection that ends the process
        (r as Promise<unknown>).then(undefined, () => undefined);
        this.raise(`${fn.name || 'a JS function'} returned a Promise: async functions cannot be called from Lua`);
      }
      if (r === undefined) return 0;
      if (r instanceof MultiReturn) {
        L.checkStack(r.values.length + 4);
        for (const v of r.values) this.push(v);
        return r.values.length;
      }
      this.push(r);
      return 1;
    };
    Object.defineProperty(host, JS_FUNCTION, { value: fn });
    return host;
  }

  /** A JS exception from a host callback as a Lua error: an Error gives its message, a
   *  LuaError its original value, anything else is converted as a value. os.exit and faults
   *  of this module pass through. */
  private raiseThrown(e: unknown): never {
    const L = this.L;
    if (e instanceof LuaExit || e instanceof LuaThrow) throw e;
    if (e instanceof LuaError) {
      this.push(e.value);
    } else if (e instanceof Error) {
      L.pushString(toBytes(e.message));
    } else if (typeof e === 'symbol') {
      L.pushString(toBytes(e.toString()));
    } else {
      this.push(e);
    }
    return L.error();
  }

  // ================================================================================
  // Closing
  // ================================================================================

  close(): void {
    if (this.closed) return;
    if (this.depth > 0) throw new Error('lunet: a Lua state cannot be closed from inside a call into it');
    // lua_close: pending finalizers run, under the limits of a call
    this.limits.start();
    this.depth++;
    try {
      this.L.heap.close();
    } catch {
      // os.exit or a fault in a finalizer: the state goes anyway
    } finally {
      this.depth--;
      this.limits.stop();
    }
    this.free();
  }

  /** Give the memory back now; every later use throws LuaClosedError. */
  private free(): void {
    if (this.closed) return;
    this.closed = true;
    this.jit?.dispose();
    if (this.arena) freeArena(this.arena);
    this.handles.clear();
    this.pending = null;
    // a UTF-8 sequence cut short by the end of output
    const out = this.outDecoder.decode(), err = this.errDecoder.decode();
    if (out !== '') this.stdoutFn?.(out);
    if (err !== '') this.stderrFn?.(err);
  }
}

/** Property of a LuaFunction wrapper: its reference slot. */
export const REF_SLOT = Symbol('lunet.refSlot');
const FUNCTION_OWNER = new WeakMap<object, Bridge>();
