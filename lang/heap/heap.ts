// The arena heap's public surface: the contract between lang/heap (which implements it) and
// lang/vm, stdlib and jit (which use it). DESIGN §3 gives the layout and the reasons.
//
// Conventions used by every method below:
// - A *ref* is the byte offset of an object in the arena (0 = none). Objects never move.
// - A *TValue pointer* (`p`, `kp`, `vp`, `out`) is the byte offset of a 16-byte TValue:
//   payload at +0 (int64 as two int32 halves lo at +0 / hi at +4, or a double, or a ref /
//   string id in the low word), tag (lang/heap/tags.ts) at +8.
// - Strings are ids into a JS-side table; short strings (<= 40 bytes) are interned.
// - **Allocation never collects.** Methods marked "allocates" only account the bytes (and
//   throw LuaError 'not enough memory' if the state's limit would be exceeded, after the
//   request was checked: nothing huge is ever allocated in JS first). Collection happens only
//   in `checkGC()` (called by the VM at safe points where every live value is on a Lua stack,
//   in the registry, or otherwise rooted) and in `fullGC()`.
// - GC roots: the registry table, the main thread (and through it every reachable thread
//   stack [0, top) and its open upvalues), the per-type metatables, the fixed strings
//   (metamethod names), and whatever the VM marks in `extraRoots`.

import type { Proto } from '../compile/proto.js';

/** A function implemented in TS. It reads its `nargs` arguments from the thread's stack at
 *  slots [base, base + nargs) and pushes its results above them; it returns how many results
 *  it pushed. The calling convention and the helpers stdlib uses live in lang/vm. */
export type HostFunction = (L: unknown, base: number, nargs: number) => number;

export interface HeapOptions {
  /** Bytes the state may use (arena + string bytes). Default 1 GiB. */
  memoryLimit?: number;
  /** Memory to use as the arena (the addon's mmap'd external ArrayBuffer); default: a new ArrayBuffer. */
  buffer?: ArrayBuffer;
}

export interface HeapApi {
  readonly buffer: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly f64: Float64Array;
  /** A TValue that is always nil: what lookups return for an absent key. Never write to it. */
  readonly nilPtr: number;

  // ---- strings -----------------------------------------------------------------------
  /** The id of byte string `s` (allocates; short strings are interned). */
  intern(s: string): number;
  /** intern(a + b), without building the JS string when a short result exists already. */
  internPair(a: string, b: string): number;
  /** intern(parts.join('')) (`len` its length), found from the parts when it exists. */
  internParts(parts: readonly string[], len: number): number;
  /** The byte string of an id. */
  str(id: number): string;
  /** Lua equality of two string ids (id compare for short strings, content for long ones). */
  strEq(a: number, b: number): boolean;
  /** Fixed string ids of the metamethod names, indexed by TM (lang/vm/opcodes.ts). */
  readonly tmNames: Int32Array;

  // ---- TValue helpers (no allocation) -------------------------------------------------
  setNil(p: number): void;
  setBool(p: number, b: boolean): void;
  /** `n` must be an integer in the safe range (|n| < 2^53). */
  setInt(p: number, n: number): void;
  setInt64(p: number, lo: number, hi: number): void;
  setIntBig(p: number, v: bigint): void;
  /** The integer at `p` as a bigint (exact for every int64). */
  getIntBig(p: number): bigint;
  setFloat(p: number, d: number): void;
  setStr(p: number, id: number): void;
  /** Store a reference to an object of the given tag (Table, LFunc, HFunc, Userdata, Thread). */
  setObj(p: number, tag: number, ref: number): void;
  copy(dst: number, src: number): void;
  /** Raw equality (rawequal): same tag and payload; strings by strEq; int vs float by value. */
  rawEquals(a: number, b: number): boolean;

  // ---- tables ------------------------------------------------------------------------
  /** A new table with room for `narr` array items and `nhash` hash items (allocates). */
  newTable(narr: number, nhash: number): number;
  /** Raw lookup: pointer to the value TValue, or `nilPtr` if absent. A pointer to a real slot
   *  may be written through to change an existing key's value (even to nil). */
  get(t: number, kp: number): number;
  /** Raw lookup of an integer key given as a JS integer (|i| < 2^53). */
  getInt(t: number, i: number): number;
  /** Raw lookup of a string key given by id. */
  getStr(t: number, id: number): number;
  /** Raw assignment (allocates when the key is new and the table must grow). Throws LuaError
   *  'index is nil' / 'index is NaN' (no position; the VM adds it). Float keys with an integer
   *  value are normalised to integers. */
  set(t: number, kp: number, vp: number): void;
  setIntKey(t: number, i: number, vp: number): void;
  setStrKey(t: number, id: number, vp: number): void;
  /** The raw border `#t` as 5.4 finds it. */
  length(t: number): number;
  /** lua_next: given the key at `kp` (nil for the first), write the next key/value to
   *  `outK`/`outV` and return true, or return false at the end. Throws LuaError
   *  "invalid key to 'next'" for a key that is not in the table. */
  next(t: number, kp: number, outK: number, outV: number): boolean;
  /** Resize the parts (table.move / SETLIST / lua_createtable use it). Allocates. */
  resize(t: number, narr: number, nhash: number): void;
  /** Metatable ref of a table (0 = none). */
  getMetatable(t: number): number;
  setMetatable(t: number, mt: number): void;
  /** The metamethod `event` of metatable `mt` as a TValue pointer, or 0 when absent. Uses the
   *  negative cache in the metatable's flags for the events PUC caches (INDEX..EQ); the
   *  cache is invalidated by any raw set on that table. */
  tm(mt: number, event: number): number;
  /** Per-type metatable for non-table values (strings have one), indexed by tag. 0 = none. */
  readonly typeMetatables: Int32Array;

  // ---- functions, upvalues, protos -------------------------------------------------------
  /** Load a compiled Proto (and its children) into the arena: constants become TValues,
   *  strings interned. Allocates. Returns the proto object's ref. */
  newProto(p: Proto): number;
  /** The JS Proto of a proto object. */
  protoOf(protoRef: number): Proto;
  /** The JS Proto whose index (the i32 at Layout.P_INDEX of its proto object) is `index`. */
  protoAt(index: number): Proto;
  /** Byte offset of the proto's constants (TValue array; K[i] at + 16*i). */
  protoConstants(protoRef: number): number;
  /** Ref of the i-th child proto object. */
  protoChild(protoRef: number, i: number): number;

  /** A Lua closure of `protoRef` with `nup` upvalue slots, all 0 (allocates). */
  newLClosure(protoRef: number, nup: number): number;
  closureProto(cl: number): number;
  closureUpval(cl: number, i: number): number;
  setClosureUpval(cl: number, i: number, uv: number): void;

  /** An open upvalue pointing at stack slot `slot` of thread `th` (allocates). */
  newUpval(th: number, slot: number): number;
  /** The TValue the upvalue currently designates (in the thread's stack while open). */
  upvalPtr(uv: number): number;
  upvalIsOpen(uv: number): boolean;
  upvalSlot(uv: number): number;
  /** Copy the stack value into the upvalue and make it closed. */
  closeUpval(uv: number): void;
  /** Thread's open upvalues are a list sorted by slot, highest first (like PUC's openupval). */
  upvalNext(uv: number): number;
  setUpvalNext(uv: number, next: number): void;

  /** A host closure: a TS function plus `nup` TValue upvalues (allocates). */
  newHostFunction(fn: HostFunction, nup: number, name?: string): number;
  hostFunction(ref: number): HostFunction;
  hostName(ref: number): string | undefined;
  hostUpvalPtr(ref: number, i: number): number;

  // ---- userdata ------------------------------------------------------------------------
  /** Full userdata carrying a JS value (allocates). */
  newUserdata(value: unknown, nuservalues: number): number;
  userdataValue(ref: number): unknown;
  userdataMetatable(ref: number): number;
  setUserdataMetatable(ref: number, mt: number): void;
  userdataUservaluePtr(ref: number, i: number): number;

  // ---- threads -------------------------------------------------------------------------
  /** A thread with an empty stack of `size` slots (allocates). */
  newThread(size: number): number;
  /** Byte offset of slot 0 of the thread's stack. Changes when the stack grows. */
  threadStack(th: number): number;
  threadStackSize(th: number): number;
  /** Cut the stack to `size` slots (allocates the smaller block; slots from `size` on are
   *  dropped). Used between calls by the embedding API after a deep recursion. */
  shrinkStack(th: number, size: number): void;
  /** Grow the stack to at least `size` slots (allocates; new slots nil; contents copied). */
  growStack(th: number, size: number): void;
  /** Slot index above the last live slot: the GC marks [0, top) and clears the rest. */
  threadTop(th: number): number;
  setThreadTop(th: number, top: number): void;
  threadOpenUpval(th: number): number;
  setThreadOpenUpval(th: number, uv: number): void;
  /** The registry table (holds the main thread and globals like PUC's registry). */
  readonly registry: number;
  readonly mainThread: number;

  // ---- GC and memory -------------------------------------------------------------------
  /** Collect if the allocation debt says so. Only at VM safe points. */
  checkGC(): void;
  fullGC(): void;
  /** Bytes in use (arena objects + string bytes), exact. */
  bytesInUse(): number;
  readonly memoryLimit: number;
  /** collectgarbage("stop"/"restart"/"isrunning"/"step"/"incremental"/"generational") state. */
  gcRunning: boolean;
  gcPause: number;
  gcStepMul: number;
  /** Called by the GC with each object whose `__gc` must run, in 5.4's order; the VM runs the
   *  metamethod (errors become warnings). Set by the VM. */
  onFinalize: ((tag: number, ref: number) => void) | null;
  /** Extra GC roots for the VM (e.g. a JS-held error value): each entry is a TValue pointer. */
  extraRoots: Set<number>;
  /** Run every pending finalizer (state close). */
  close(): void;

  // ---- additions by lang/heap (additive to the original contract) ------------------------
  /** After setmetatable on a table or userdata: registers it for finalization if the new
   *  metatable has `__gc` at this moment (5.4's rule). */
  checkFinalizer(tag: number, ref: number): void;
  /** Throws LuaMemoryError unless a string of `nbytes` bytes could be created now (cheap;
   *  call before building a big JS string: string.rep, concat, format, table.concat). */
  reserveString(nbytes: number): void;
  /** collectgarbage("step"): runs a full cycle (the collector is not incremental); true. */
  gcStep(kb: number): boolean;
  /** collectgarbage("incremental"/"generational"): only remembered. */
  gcMode: 'incremental' | 'generational';
  /** Raw lookup of an int64 key given as halves (no BigInt). */
  getInt64(t: number, lo: number, hi: number): number;
  /** Array part size; t[i] for 1 <= i <= arraySize is at `arrayPtr + 16*(i-1)`. */
  arraySize(t: number): number;
  /** Id of the string 'not enough memory', interned at creation and never collected
   *  (`intern('not enough memory')` also finds it without allocating). */
  readonly memErrMsg: number;
  /** Ids of '__tostring' and '__name' (never collected): luaL_tolstring looks them up often. */
  readonly tostringKey: number;
  readonly nameKey: number;
  /** True while a finalizer runs (from onFinalize): collections are off, as 5.4's GCSTPGC,
   *  and collectgarbage must return false for every option (lua_gc returns -1). */
  readonly gcBlocked: boolean;
  /** Called by the sweep for each thread it frees (so the VM can drop JS-side state). */
  onFreeThread: ((th: number) => void) | null;
  /** Resize only the array part, keeping the hash part (luaH_resizearray; SETLIST uses it). */
  resizeArray(t: number, narr: number): void;
}
