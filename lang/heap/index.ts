// The arena heap (DESIGN §3): one ArrayBuffer holding every Lua object, a size-classed
// non-moving allocator, tables laid out as in ltable.c, and a stop-the-world mark & sweep
// collector with weak tables and 5.4-ordered finalizers. Layout constants: ./layout.ts.

import type { Proto } from '../compile/proto.js';
import { TM_NAMES } from '../vm/opcodes.js';
import { LuaMemoryError, LuaRuntimeError } from './errors.js';
import type { HeapApi, HeapOptions, HostFunction } from './heap.js';
import * as I64 from './int64.js';
import { Layout } from './layout.js';
import { FLAG_HASHED, FLAG_SHORT, MAX_JS_STRING, STRING_OVERHEAD, StringTable } from './strings.js';
import { Tag } from './tags.js';

export { LuaMemoryError, LuaRuntimeError } from './errors.js';
export type { HeapApi, HeapOptions, HostFunction } from './heap.js';

const DEFAULT_LIMIT = 1024 * 1024 * 1024;
/** Refs must stay positive int32s. */
const MAX_ARENA = 0x7ff00000;

/** Arena bytes for a memory limit: twice the limit, because the allocator does not coalesce,
 *  so geometric growth (array parts, stacks) leaves freed blocks behind; pages are only
 *  committed when touched. Hosts that provide their own buffer (the addon's mmap) use this. */
export function arenaBytesFor(limit: number): number {
  return Math.min(MAX_ARENA, Math.ceil((2 * limit + Layout.FIRST_BLOCK + 65536) / 65536) * 65536);
}
/** Array part limit (2^26 TValues = 1 GiB), like ltable.c's MAXABITS scaled to the arena. */
const MAXABITS = 26;
const MAXASIZE = 1 << MAXABITS;
const MAXHBITS = 26;
/** Size classes: 16-byte steps up to 1 KiB, then four per power of two. */
const NCLASSES = 64 + 22 * 4;
/** Metamethod events PUC caches as absent in a table's flags (INDEX..EQ). */
const TM_CACHED_MAX = 5;
const TM_GC = 2;
const TM_MODE = 3;
const SCRATCH_K = Layout.SCRATCH;
const SCRATCH_V = Layout.SCRATCH + 16;
/** Strings that must exist even when the memory limit is reached. */
const FIXED_STRINGS = ['not enough memory', 'error in error handling', 'stack overflow', 'C stack overflow',
  '__tostring', '__name'];
/** Smallest growth between collections, so tiny heaps do not collect constantly. */
const GC_MIN_STEP = 256 * 1024;

/** Block size (header included) for a payload of n bytes. */
function blockSize(n: number): number {
  if (n <= 1016) return (n + Layout.BLOCK_HEADER + 15) & ~15;
  const t = Math.ceil((n + Layout.BLOCK_HEADER) / 16) * 16;
  const step = 2 ** (Math.floor(Math.log2(t)) - 2);
  const r = Math.ceil(t / step) * step;
  // an int32, not the double Math.ceil gives: the Heap's byte counts that add it would turn
  // from small integers into doubles, a new V8 map that deoptimizes every function using the
  // Heap (over 2^31 only a request beyond any memory limit, refused before it is counted)
  return r <= 0x7fffffff ? r | 0 : r;
}

function sizeClass(t: number): number {
  if (t <= 1024) return t >>> 4;
  const e = Math.floor(Math.log2(t));
  return 64 + (e - 10) * 4 + (t / 2 ** (e - 2) - 4);
}

function ceilLog2(x: number): number {
  return x <= 1 ? 0 : 32 - Math.clz32(x - 1);
}

/** (a * b) mod m for a, b < m < 2^30, exact in doubles. */
function mulMod(a: number, b: number, m: number): number {
  return ((((a * (b >>> 16)) % m) * 65536) + a * (b & 0xffff)) % m;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** l_hashfloat: frexp-based hash of a non-integral finite float (inf gives 0). */
function hashFloat(n: number): number {
  if (!Number.isFinite(n) || n === 0) return 0;
  F64[0] = n;
  let e = (U32[1] >>> 20) & 0x7ff;
  let adj = 0;
  if (e === 0) { F64[0] = n * 18446744073709551616; e = (U32[1] >>> 20) & 0x7ff; adj = -64; }
  const exp = e - 1022 + adj;
  const half = (-exp / 2) | 0;
  const m = n * 2 ** half * 2 ** (-exp - half);
  const ni = Math.trunc(m * 2147483648);
  const u = (exp + ni) >>> 0;
  return u <= 0x7fffffff ? u : ~u;
}

export class Heap implements HeapApi {
  readonly buffer: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly f64: Float64Array;
  readonly nilPtr = Layout.NIL_PTR;
  readonly memoryLimit: number;
  readonly tmNames: Int32Array;
  readonly typeMetatables = new Int32Array(12);
  readonly registry: number;
  readonly mainThread: number;
  readonly strings = new StringTable();
  /** Id of 'not enough memory', interned at creation and never collected. */
  readonly memErrMsg: number;
  readonly tostringKey: number;
  readonly nameKey: number;
  private readonly fixedStrings: number[];

  gcRunning = true;
  gcPause = 200;
  gcStepMul = 100;
  /** collectgarbage("incremental"/"generational"): only remembered (and it decides what
   *  gcStep returns). A new state is incremental like lua_newstate; lua.c (and so the lunet
   *  CLI) switches to generational at start-up. */
  gcMode: 'incremental' | 'generational' = 'incremental';
  onFinalize: ((tag: number, ref: number) => void) | null = null;
  /** Called by the sweep for each thread it frees (the VM drops its JS-side frames). */
  onFreeThread: ((th: number) => void) | null = null;
  extraRoots = new Set<number>();

  // allocator
  private bump: number;
  /** Memory at or above this offset has never been handed out: it is still zero. */
  private fresh: number;
  private readonly arenaEnd: number;
  private readonly freeHeads = new Int32Array(NCLASSES);
  private arenaBytes = 0;

  // objects, handles, protos
  private allgc = new Int32Array(1024);
  private allgcCount = 0;
  private handles: unknown[] = [];
  private handleNames: (string | undefined)[] = [];
  private freeHandles: number[] = [];
  private protos: (Proto | undefined)[] = [];
  private freeProtos: number[] = [];

  // collector
  private threshold = GC_MIN_STEP;
  /** Work credited by collectgarbage("step") since the last cycle. */
  private stepCredit = 0;
  private collecting = false;
  private finalizing = false;
  private closed = false;
  private gray = new Int32Array(1024);
  private grayTop = 0;
  private weakList: number[] = [];
  private ephemeronList: number[] = [];
  private allweakList: number[] = [];
  /** Objects registered for finalization, in registration order. */
  private finobj: number[] = [];
  /** Objects whose finalizer is due, first to run first. */
  private tobefnz: number[] = [];
  private fnzHead = 0;
  private readonly nums = new Int32Array(MAXABITS + 1);

  constructor(options: HeapOptions = {}) {
    const limit = options.memoryLimit ?? DEFAULT_LIMIT;
    this.memoryLimit = limit;
    let buf = options.buffer;
    if (buf === undefined) {
      const size = arenaBytesFor(limit);
      // A SharedArrayBuffer (used by this one thread only) because V8 counts a big ArrayBuffer
      // as external memory pressure and runs a full mark-compact when one >= 64 MiB is
      // created (measured 10-20 ms at start-up here); a SharedArrayBuffer of 2 GiB costs
      // 0.04 ms. Element access from TS is the same for both.
      buf = typeof SharedArrayBuffer === 'function'
        ? new SharedArrayBuffer(size) as unknown as ArrayBuffer
        : new ArrayBuffer(size);
    }
    this.buffer = buf;
    this.u8 = new Uint8Array(buf);
    this.i32 = new Int32Array(buf, 0, buf.byteLength >>> 2);
    this.u32 = new Uint32Array(buf, 0, buf.byteLength >>> 2);
    this.f64 = new Float64Array(buf, 0, buf.byteLength >>> 3);
    this.arenaEnd = Math.min(buf.byteLength, MAX_ARENA) & ~15;
    this.u8.fill(0, 0, Layout.FIRST_BLOCK);
    this.bump = Layout.FIRST_BLOCK;
    this.fresh = options.buffer === undefined ? Layout.FIRST_BLOCK : this.arenaEnd;
    this.tmNames = new Int32Array(TM_NAMES.length);
    for (let i = 0; i < TM_NAMES.length; i++) this.tmNames[i] = this.intern(TM_NAMES[i]);
    // Messages needed when memory is exhausted must exist before (like PUC's memerrmsg).
    this.fixedStrings = FIXED_STRINGS.map((s) => this.intern(s));
    this.memErrMsg = this.fixedStrings[0];
    this.tostringKey = this.fixedStrings[4];
    this.nameKey = this.fixedStrings[5];
    this.registry = this.newTable(2, 0);
    this.mainThread = this.newThread(48);
    this.setThreshold();
  }

  // ======================================================================================
  // allocator

  /** A zeroed block with room for n payload bytes; throws LuaMemoryError over the limit. */
  alloc(n: number, kind: number): number {
    if (!(n >= 0 && n <= MAX_ARENA)) throw new LuaMemoryError();
    const t = blockSize(n);
    if (this.arenaBytes + this.strings.bytes + t > this.memoryLimit) throw new LuaMemoryError();
    const c = t <= 1024 ? t >>> 4 : sizeClass(t);
    let p = this.freeHeads[c];
    if (p !== 0) {
      this.freeHeads[c] = this.i32[p >> 2];
      // merged blocks make a class hold sizes up to the next class: keep only what is asked
      if (this.u32[(p - 8) >> 2] !== t) this.split(p, t);
    } else if (this.bump + t <= this.arenaEnd) {
      p = this.bump + Layout.BLOCK_HEADER;
      this.bump += t;
      this.u32[(p - 8) >> 2] = t;
    } else {
      // The bump region is exhausted: cut the block out of a larger free one.
      for (let cc = c + 1; cc < NCLASSES; cc++) {
        p = this.freeHeads[cc];
        if (p !== 0) { this.freeHeads[cc] = this.i32[p >> 2]; break; }
      }
      if (p === 0) throw new LuaMemoryError();
      this.split(p, t);
    }
    const size = t;
    this.i32[(p - 4) >> 2] = kind;
    this.arenaBytes += size;
    const end = p - 8 + size;
    if (p - 8 < this.fresh) {
      // Zeroed by 8-byte stores (blocks are 8-aligned). TypedArray.fill on the
      // SharedArrayBuffer arena is slow (784 bytes: 383-521 ns, against 41-80 ns on a plain
      // ArrayBuffer); this loop beats Uint8Array.fill 5-10x and Float64Array.fill 1.5-2x at
      // 272-4096 bytes.
      const f64 = this.f64;
      for (let q = p >> 3, e = end >> 3; q < e; q++) f64[q] = 0;
    }
    if (end > this.fresh) this.fresh = end;
    return p;
  }

  private freeBlock(p: number): void {
    const t = this.u32[(p - 8) >> 2];
    this.arenaBytes -= t;
    this.i32[(p - 4) >> 2] = Layout.KIND_FREE;
    if (p - 8 + t === this.bump) { this.bump = p - 8; return; }
    this.linkFree(p, t);
  }

  /** Puts free block p of t bytes on the list of the largest class it can serve. */
  private linkFree(p: number, t: number): void {
    const c = Math.floor(sizeClass(t));
    this.i32[p >> 2] = this.freeHeads[c];
    this.freeHeads[c] = p;
  }

  /** Shrinks free block p to t bytes; the rest (at least one 16-byte block) stays free. */
  private split(p: number, t: number): void {
    const rest = this.u32[(p - 8) >> 2] - t;
    if (rest === 0) return;
    this.u32[(p - 8) >> 2] = t;
    const q = p + t;
    this.u32[(q - 8) >> 2] = rest;
    this.i32[(q - 4) >> 2] = Layout.KIND_FREE;
    this.linkFree(q, rest);
  }

  /** After a sweep: merges neighbouring free blocks and rebuilds the free lists, and gives a
   *  free run that ends at the bump pointer back to the bump region. Without it a program
   *  whose block sizes drift (arrays and stacks of growing sizes) runs out of arena while
   *  most of it is free, since a freed block only serves requests of its own size class. */
  private coalesce(): void {
    const u32 = this.u32, i32 = this.i32, end = this.bump;
    this.freeHeads.fill(0);
    let q = Layout.FIRST_BLOCK;
    while (q < end) {
      const size = u32[q >> 2];
      if ((i32[(q + 4) >> 2] & Layout.GC_KIND_MASK) !== Layout.KIND_FREE) { q += size; continue; }
      let r = q + size;
      while (r < end && (i32[(r + 4) >> 2] & Layout.GC_KIND_MASK) === Layout.KIND_FREE) r += u32[r >> 2];
      if (r >= end) { this.bump = q; break; }
      u32[q >> 2] = r - q;
      this.linkFree(q + Layout.BLOCK_HEADER, r - q);
      q = r;
    }
  }

  private newObj(kind: number, n: number): number {
    const p = this.alloc(n, kind);
    if (this.allgcCount === this.allgc.length) {
      const a = new Int32Array(this.allgc.length * 2);
      a.set(this.allgc);
      this.allgc = a;
    }
    this.allgc[this.allgcCount++] = p;
    return p;
  }

  // ======================================================================================
  // strings

  intern(s: string): number {
    return this.strings.intern(s, this.memoryLimit - this.arenaBytes - this.strings.bytes);
  }
  /** intern(a + b) without building a + b when the result exists already. */
  internPair(a: string, b: string): number {
    return this.strings.internPair(a, b, this.memoryLimit - this.arenaBytes - this.strings.bytes);
  }
  /** intern(parts.join('')), `len` the joined length, without the join when it exists. */
  internParts(parts: readonly string[], len: number): number {
    return this.strings.internParts(parts, len, this.memoryLimit - this.arenaBytes - this.strings.bytes);
  }
  str(id: number): string {
    return this.strings.strs[id]!;
  }
  strEq(a: number, b: number): boolean {
    return this.strings.eq(a, b);
  }
  /** Throws LuaMemoryError unless a string of `nbytes` could be created now. Cheap: call it
   *  before building a big JS string (string.rep, concat, format). */
  reserveString(nbytes: number): void {
    if (!(nbytes <= MAX_JS_STRING) ||
        this.arenaBytes + this.strings.bytes + nbytes + STRING_OVERHEAD > this.memoryLimit) {
      throw new LuaMemoryError();
    }
  }

  // ======================================================================================
  // TValues

  setNil(p: number): void { this.i32[(p + 8) >> 2] = Tag.Nil; }
  setBool(p: number, b: boolean): void { this.i32[(p + 8) >> 2] = b ? Tag.True : Tag.False; }
  setInt(p: number, n: number): void {
    const q = p >> 2;
    if ((n | 0) === n) { this.i32[q] = n; this.i32[q + 1] = n >> 31; }
    else { I64.fromNumber(n); this.i32[q] = I64.RES_LO; this.i32[q + 1] = I64.RES_HI; }
    this.i32[q + 2] = Tag.Int;
  }
  setInt64(p: number, lo: number, hi: number): void {
    const q = p >> 2;
    this.i32[q] = lo; this.i32[q + 1] = hi; this.i32[q + 2] = Tag.Int;
  }
  setIntBig(p: number, v: bigint): void {
    I64.fromBig(v);
    this.setInt64(p, I64.RES_LO, I64.RES_HI);
  }
  getIntBig(p: number): bigint {
    const q = p >> 2;
    return I64.toBig(this.i32[q], this.i32[q + 1]);
  }
  setFloat(p: number, d: number): void {
    this.f64[p >> 3] = d;
    this.i32[(p + 8) >> 2] = Tag.Float;
  }
  setStr(p: number, id: number): void {
    const q = p >> 2;
    this.i32[q] = id; this.i32[q + 1] = 0; this.i32[q + 2] = Tag.Str;
  }
  setObj(p: number, tag: number, ref: number): void {
    const q = p >> 2;
    this.i32[q] = ref; this.i32[q + 1] = 0; this.i32[q + 2] = tag;
  }
  /** Copies payload and tag as int32 words (a Float64Array copy could alter NaN bits of an
   *  int64 payload). */
  copy(dst: number, src: number): void {
    const i32 = this.i32, d = dst >> 2, s = src >> 2;
    i32[d] = i32[s]; i32[d + 1] = i32[s + 1]; i32[d + 2] = i32[s + 2];
  }
  rawEquals(a: number, b: number): boolean {
    const i32 = this.i32, qa = a >> 2, qb = b >> 2;
    const ta = i32[qa + 2], tb = i32[qb + 2];
    if (ta !== tb) {
      if (ta === Tag.Int && tb === Tag.Float) return I64.eqIntFloat(i32[qa], i32[qa + 1], this.f64[b >> 3]);
      if (ta === Tag.Float && tb === Tag.Int) return I64.eqIntFloat(i32[qb], i32[qb + 1], this.f64[a >> 3]);
      return false;
    }
    switch (ta) {
      case Tag.Nil: case Tag.False: case Tag.True: return true;
      case Tag.Int: return i32[qa] === i32[qb] && i32[qa + 1] === i32[qb + 1];
      case Tag.Float: return this.f64[a >> 3] === this.f64[b >> 3];
      case Tag.Str: return this.strings.eq(i32[qa], i32[qb]);
      default: return i32[qa] === i32[qb];
    }
  }

  // ======================================================================================
  // tables

  newTable(narr: number, nhash: number): number {
    if (!(narr >= 0 && narr <= MAXASIZE && nhash >= 0 && nhash <= (1 << MAXHBITS))) throw new LuaMemoryError();
    const t = this.newObj(Tag.Table, Layout.TABLE_SIZE);
    const i32 = this.i32;
    i32[(t + Layout.T_NODE) >> 2] = Layout.DUMMY_NODE;
    // A new table's parts are fresh zeroed blocks: nil keys, nil values, no links.
    if (nhash > 0) {
      const lsize = ceilLog2(nhash);
      const node = this.alloc(Layout.NODE_SIZE << lsize, Layout.KIND_RAW);
      i32[(t + Layout.T_NODE) >> 2] = node;
      this.u8[t + Layout.T_LSIZE] = lsize;
      i32[(t + Layout.T_LASTFREE) >> 2] = node + (Layout.NODE_SIZE << lsize);
    }
    if (narr > 0) {
      i32[(t + Layout.T_ARRAY) >> 2] = this.alloc(narr << 4, Layout.KIND_RAW);
      i32[(t + Layout.T_ASIZE) >> 2] = narr;
    }
    return t;
  }

  getMetatable(t: number): number { return this.i32[(t + Layout.T_META) >> 2]; }
  setMetatable(t: number, mt: number): void { this.i32[(t + Layout.T_META) >> 2] = mt; }
  /** Array part size (for table.* fast paths and the JIT). */
  arraySize(t: number): number { return this.i32[(t + Layout.T_ASIZE) >> 2]; }
  /** Node count of the hash part (1 for the shared empty part). */
  nodeCount(t: number): number { return 1 << this.u8[t + Layout.T_LSIZE]; }

  /** Main position for an int64 key (hashint). */
  private mainInt(t: number, lo: number, hi: number): number {
    const m = ((1 << this.u8[t + Layout.T_LSIZE]) - 1) | 1;
    let r: number;
    if (hi === 0 && lo >= 0) r = lo % m;
    else r = (mulMod((hi >>> 0) % m, 4294967296 % m, m) + (lo >>> 0) % m) % m;
    return this.i32[(t + Layout.T_NODE) >> 2] + (r << 5);
  }
  private mainStr(t: number, id: number): number {
    const st = this.strings;
    const h = (st.flags[id] & FLAG_HASHED) !== 0 ? st.hashes[id] : st.hash(id);
    return this.i32[(t + Layout.T_NODE) >> 2] + ((h & ((1 << this.u8[t + Layout.T_LSIZE]) - 1)) << 5);
  }
  private mainMod(t: number, h: number): number {
    const m = ((1 << this.u8[t + Layout.T_LSIZE]) - 1) | 1;
    return this.i32[(t + Layout.T_NODE) >> 2] + ((h % m) << 5);
  }
  private mainPow2(t: number, h: number): number {
    return this.i32[(t + Layout.T_NODE) >> 2] + ((h & ((1 << this.u8[t + Layout.T_LSIZE]) - 1)) << 5);
  }
  /** Main position of a (normalised, non-nil) key TValue. */
  private mainPosition(t: number, kp: number): number {
    const q = kp >> 2;
    switch (this.i32[q + 2]) {
      case Tag.Int: return this.mainInt(t, this.i32[q], this.i32[q + 1]);
      case Tag.Str: return this.mainStr(t, this.i32[q]);
      case Tag.Float: return this.mainMod(t, hashFloat(this.f64[kp >> 3]));
      case Tag.False: return this.mainPow2(t, 0);
      case Tag.True: return this.mainPow2(t, 1);
      default: return this.mainMod(t, this.i32[q]);
    }
  }

  getInt(t: number, i: number): number {
    const k = i - 1;
    if (k >= 0 && k < this.i32[(t + Layout.T_ASIZE) >> 2]) return this.i32[(t + Layout.T_ARRAY) >> 2] + (k << 4);
    if ((i | 0) === i) return this.getIntHash(t, i, i >> 31);
    I64.fromNumber(i);
    return this.getIntHash(t, I64.RES_LO, I64.RES_HI);
  }

  /** Raw lookup of an int64 key given as halves. */
  getInt64(t: number, lo: number, hi: number): number {
    if (hi === 0 && lo > 0 && lo <= this.i32[(t + Layout.T_ASIZE) >> 2]) {
      return this.i32[(t + Layout.T_ARRAY) >> 2] + ((lo - 1) << 4);
    }
    return this.getIntHash(t, lo, hi);
  }

  private getIntHash(t: number, lo: number, hi: number): number {
    const i32 = this.i32;
    let n = this.mainInt(t, lo, hi);
    for (;;) {
      const q = n >> 2;
      if (i32[q + 2] === Tag.Int && i32[q] === lo && i32[q + 1] === hi) return n + Layout.N_VAL;
      n = i32[q + 3];
      if (n === 0) return Layout.NIL_PTR;
    }
  }

  /** Short strings are hashed when interned, so this is the whole lookup of a field name:
   *  kept small (and Layout.T_LSIZE read from the Layout.T_FLAGS word) so that V8 inlines it into the
   *  interpreter loop. */
  getStr(t: number, id: number): number {
    const st = this.strings;
    if ((st.flags[id] & FLAG_SHORT) === 0) return this.getLongStr(t, id);
    const i32 = this.i32, tq = t >> 2;
    const mask = (1 << ((i32[tq + (Layout.T_FLAGS >> 2)] >> 8) & 0xff)) - 1;
    let n = i32[tq + (Layout.T_NODE >> 2)] + ((st.hashes[id] & mask) << 5);
    for (;;) {
      const q = n >> 2;
      if (i32[q] === id && i32[q + 2] === Tag.Str) return n + Layout.N_VAL;
      n = i32[q + 3];
      if (n === 0) return Layout.NIL_PTR;
    }
  }

  private getLongStr(t: number, id: number): number {
    const i32 = this.i32, st = this.strings;
    let n = this.mainStr(t, id);
    const s = st.strs[id];
    for (;;) {
      const q = n >> 2;
      if (i32[q + 2] === Tag.Str && (i32[q] === id || st.strs[i32[q]] === s)) return n + Layout.N_VAL;
      n = i32[q + 3];
      if (n === 0) return Layout.NIL_PTR;
    }
  }

  /** Lookup of a key with no fast path (float, boolean, object); `tag` is not nil/int/str. */
  private getOther(t: number, kp: number): number {
    const i32 = this.i32, q = kp >> 2;
    const tag = i32[q + 2];
    let n = this.mainPosition(t, kp);
    if (tag === Tag.Float) {
      const d = this.f64[kp >> 3];
      for (;;) {
        if (i32[(n >> 2) + 2] === Tag.Float && this.f64[n >> 3] === d) return n + Layout.N_VAL;
        n = i32[(n >> 2) + 3];
        if (n === 0) return Layout.NIL_PTR;
      }
    }
    const ref = i32[q];
    for (;;) {
      const nq = n >> 2;
      if (i32[nq + 2] === tag && (tag <= Tag.True || i32[nq] === ref)) return n + Layout.N_VAL;
      n = i32[nq + 3];
      if (n === 0) return Layout.NIL_PTR;
    }
  }

  /** Small on purpose (string and integer keys here, the rest apart) so V8 can inline it. */
  get(t: number, kp: number): number {
    const i32 = this.i32, q = kp >> 2;
    const tag = i32[q + 2];
    if (tag === Tag.Str) return this.getStr(t, i32[q]);
    if (tag === Tag.Int) return this.getInt64(t, i32[q], i32[q + 1]);
    return this.getOtherKey(t, kp, tag);
  }

  private getOtherKey(t: number, kp: number, tag: number): number {
    if (tag === Tag.Nil) return Layout.NIL_PTR;
    if (tag === Tag.Float) {
      const d = this.f64[kp >> 3];
      if (I64.fromDouble(d, I64.F2I.Eq)) return this.getInt64(t, I64.RES_LO, I64.RES_HI);
      if (d !== d) return Layout.NIL_PTR;
    }
    return this.getOther(t, kp);
  }

  set(t: number, kp: number, vp: number): void {
    const i32 = this.i32, q = kp >> 2;
    const tag = i32[q + 2];
    if (tag === Tag.Float) {
      const d = this.f64[kp >> 3];
      if (I64.fromDouble(d, I64.F2I.Eq)) {
        this.setInt64(SCRATCH_K, I64.RES_LO, I64.RES_HI);
        kp = SCRATCH_K;
      } else if (d !== d) throw new LuaRuntimeError('table index is NaN');
    } else if (tag === Tag.Nil) throw new LuaRuntimeError('table index is nil');
    this.u8[t + Layout.T_FLAGS] = 0;
    const slot = this.get(t, kp);
    if (slot !== Layout.NIL_PTR) { this.copy(slot, vp); return; }
    if (i32[(vp >> 2) + 2] === Tag.Nil) return;
    this.newKey(t, kp, vp);
  }

  setIntKey(t: number, i: number, vp: number): void {
    this.u8[t + Layout.T_FLAGS] = 0;
    const slot = this.getInt(t, i);
    if (slot !== Layout.NIL_PTR) { this.copy(slot, vp); return; }
    if (this.i32[(vp >> 2) + 2] === Tag.Nil) return;
    this.setInt(SCRATCH_K, i);
    this.newKey(t, SCRATCH_K, vp);
  }

  setStrKey(t: number, id: number, vp: number): void {
    this.u8[t + Layout.T_FLAGS] = 0;
    const slot = this.getStr(t, id);
    if (slot !== Layout.NIL_PTR) { this.copy(slot, vp); return; }
    if (this.i32[(vp >> 2) + 2] === Tag.Nil) return;
    this.setStr(SCRATCH_K, id);
    this.newKey(t, SCRATCH_K, vp);
  }

  /** luaH_newkey: insert a key known to be absent (normalised, value not nil). */
  private newKey(t: number, kp: number, vp: number): void {
    const i32 = this.i32;
    let mp = this.mainPosition(t, kp);
    if (i32[(mp + Layout.N_VAL + 8) >> 2] !== Tag.Nil || i32[(t + Layout.T_NODE) >> 2] === Layout.DUMMY_NODE) {
      const f = this.getFreePos(t);
      if (f === 0) {
        // Key and value may live in parts that the rehash frees: keep them in JS locals.
        const kq = kp >> 2, vq = vp >> 2;
        const k0 = i32[kq], k1 = i32[kq + 1], k2 = i32[kq + 2];
        const v0 = i32[vq], v1 = i32[vq + 1], v2 = i32[vq + 2];
        this.rehash(t, kp);
        const sk = SCRATCH_K >> 2, sv = SCRATCH_V >> 2;
        i32[sk] = k0; i32[sk + 1] = k1; i32[sk + 2] = k2;
        i32[sv] = v0; i32[sv + 1] = v1; i32[sv + 2] = v2;
        const slot = this.get(t, SCRATCH_K);
        if (slot !== Layout.NIL_PTR) this.copy(slot, SCRATCH_V);
        else this.newKey(t, SCRATCH_K, SCRATCH_V);
        return;
      }
      const othern = this.mainPosition(t, mp);
      if (othern !== mp) {
        // The colliding node is out of its main position: move it to the free slot.
        let o = othern;
        while (i32[(o + Layout.N_NEXT) >> 2] !== mp) o = i32[(o + Layout.N_NEXT) >> 2];
        i32[(o + Layout.N_NEXT) >> 2] = f;
        const fq = f >> 2, mq = mp >> 2;
        for (let j = 0; j < 8; j++) i32[fq + j] = i32[mq + j];
        i32[mq + 3] = 0;
        i32[mq + 6] = Tag.Nil;
      } else {
        // The colliding node is in its main position: the new key goes to the free slot.
        i32[(f + Layout.N_NEXT) >> 2] = i32[(mp + Layout.N_NEXT) >> 2];
        i32[(mp + Layout.N_NEXT) >> 2] = f;
        mp = f;
      }
    }
    const mq = mp >> 2, kq = kp >> 2;
    i32[mq] = i32[kq]; i32[mq + 1] = i32[kq + 1]; i32[mq + 2] = i32[kq + 2];
    this.copy(mp + Layout.N_VAL, vp);
  }

  private getFreePos(t: number): number {
    let lf = this.i32[(t + Layout.T_LASTFREE) >> 2];
    if (lf === 0) return 0;
    const node = this.i32[(t + Layout.T_NODE) >> 2];
    while (lf > node) {
      lf -= Layout.NODE_SIZE;
      if (this.i32[(lf + 8) >> 2] === Tag.Nil) {
        this.i32[(t + Layout.T_LASTFREE) >> 2] = lf;
        return lf;
      }
    }
    this.i32[(t + Layout.T_LASTFREE) >> 2] = lf;
    return 0;
  }

  /** Count an integer key in nums (countint); returns 1 if it can go to the array part. */
  private countInt(lo: number, hi: number): number {
    if (hi !== 0 || lo <= 0 || lo > MAXASIZE) return 0;
    this.nums[ceilLog2(lo)]++;
    return 1;
  }

  private rehash(t: number, ek: number): void {
    const i32 = this.i32, nums = this.nums;
    nums.fill(0);
    // numusearray
    const asize = i32[(t + Layout.T_ASIZE) >> 2], arr = i32[(t + Layout.T_ARRAY) >> 2];
    let na = 0;
    let i = 1;
    for (let lg = 0, ttlg = 1; lg <= MAXABITS; lg++, ttlg *= 2) {
      let lim = ttlg;
      if (lim > asize) { lim = asize; if (i > lim) break; }
      let lc = 0;
      for (; i <= lim; i++) if (i32[((arr + ((i - 1) << 4)) >> 2) + 2] !== Tag.Nil) lc++;
      nums[lg] += lc;
      na += lc;
    }
    let totaluse = na;
    // numusehash
    const node = i32[(t + Layout.T_NODE) >> 2];
    if (node !== Layout.DUMMY_NODE) {
      const size = 1 << this.u8[t + Layout.T_LSIZE];
      for (let j = 0; j < size; j++) {
        const q = (node + (j << 5)) >> 2;
        if (i32[q + 6] !== Tag.Nil) {
          if (i32[q + 2] === Tag.Int) na += this.countInt(i32[q], i32[q + 1]);
          totaluse++;
        }
      }
    }
    const eq = ek >> 2;
    if (i32[eq + 2] === Tag.Int) na += this.countInt(i32[eq], i32[eq + 1]);
    totaluse++;
    // computesizes
    let a = 0, nArr = 0, optimal = 0;
    for (let k = 0, twotoi = 1; twotoi <= MAXASIZE && na > twotoi / 2; k++, twotoi *= 2) {
      a += nums[k];
      if (a > twotoi / 2) { optimal = twotoi; nArr = a; }
    }
    this.resize(t, optimal, totaluse - nArr);
  }

  /** Resize the array part, keeping the hash part's size (luaH_resizearray). */
  resizeArray(t: number, narr: number): void {
    const node = this.i32[(t + Layout.T_NODE) >> 2];
    this.resize(t, narr, node === Layout.DUMMY_NODE ? 0 : 1 << this.u8[t + Layout.T_LSIZE]);
  }

  resize(t: number, narr: number, nhash: number): void {
    const i32 = this.i32;
    if (!(narr >= 0 && narr <= MAXASIZE && nhash >= 0 && nhash <= (1 << MAXHBITS))) throw new LuaMemoryError();
    const oldAsize = i32[(t + Layout.T_ASIZE) >> 2], oldArr = i32[(t + Layout.T_ARRAY) >> 2];
    const oldNode = i32[(t + Layout.T_NODE) >> 2], oldLsize = this.u8[t + Layout.T_LSIZE];
    if (narr < oldAsize || oldNode !== Layout.DUMMY_NODE) {
      // Never let a re-insertion below run out of nodes (that would rehash mid-resize).
      let need = 0;
      for (let k = narr; k < oldAsize; k++) if (i32[((oldArr + (k << 4)) >> 2) + 2] !== Tag.Nil) need++;
      if (oldNode !== Layout.DUMMY_NODE) {
        const size = 1 << oldLsize;
        for (let j = 0; j < size; j++) {
          const q = (oldNode + (j << 5)) >> 2;
          if (i32[q + 6] !== Tag.Nil && !(i32[q + 2] === Tag.Int && i32[q + 1] === 0 && i32[q] > 0 && i32[q] <= narr)) need++;
        }
      }
      if (nhash < need) nhash = need;
    }
    // Allocate both new parts before touching the table, so a memory error leaves it intact.
    let newNode = Layout.DUMMY_NODE, lsize = 0;
    if (nhash > 0) {
      lsize = ceilLog2(nhash);
      newNode = this.alloc(Layout.NODE_SIZE << lsize, Layout.KIND_RAW);
    }
    let newArr = oldArr;
    if (narr !== oldAsize) {
      if (narr > 0) {
        try { newArr = this.alloc(narr << 4, Layout.KIND_RAW); }
        catch (e) { if (newNode !== Layout.DUMMY_NODE) this.freeBlock(newNode); throw e; }
      } else newArr = 0;
    }
    i32[(t + Layout.T_NODE) >> 2] = newNode;
    this.u8[t + Layout.T_LSIZE] = lsize;
    i32[(t + Layout.T_LASTFREE) >> 2] = newNode === Layout.DUMMY_NODE ? 0 : newNode + (Layout.NODE_SIZE << lsize);
    this.u8[t + Layout.T_FLAGS] = 0;
    if (narr < oldAsize) {
      // The vanishing slice of the array goes to the new hash part.
      i32[(t + Layout.T_ASIZE) >> 2] = narr;
      for (let k = narr; k < oldAsize; k++) {
        const vp = oldArr + (k << 4);
        if (i32[(vp >> 2) + 2] !== Tag.Nil) { this.setInt(SCRATCH_K, k + 1); this.newKey(t, SCRATCH_K, vp); }
      }
    }
    if (newArr !== oldArr) {
      const keep = Math.min(narr, oldAsize);
      if (keep <= 16) {
        // Small parts: word copies beat a copyWithin call.
        for (let q = 0, d = newArr >> 2, s = oldArr >> 2, e = keep << 2; q < e; q++) i32[d + q] = i32[s + q];
      } else this.u8.copyWithin(newArr, oldArr, oldArr + (keep << 4));
    }
    i32[(t + Layout.T_ARRAY) >> 2] = newArr;
    i32[(t + Layout.T_ASIZE) >> 2] = narr;
    // Re-insert the old hash part.
    if (oldNode !== Layout.DUMMY_NODE) {
      const size = 1 << oldLsize;
      for (let j = 0; j < size; j++) {
        const n = oldNode + (j << 5);
        if (i32[(n >> 2) + 6] !== Tag.Nil) this.reinsert(t, n, n + Layout.N_VAL);
      }
      this.freeBlock(oldNode);
    }
    if (newArr !== oldArr && oldAsize > 0) this.freeBlock(oldArr);
  }

  /** Insert during a resize: the key is normalised and absent, the parts have room. */
  private reinsert(t: number, kp: number, vp: number): void {
    const q = kp >> 2;
    if (this.i32[q + 2] === Tag.Int) {
      const slot = this.getInt64(t, this.i32[q], this.i32[q + 1]);
      if (slot !== Layout.NIL_PTR) { this.copy(slot, vp); return; }
    }
    this.newKey(t, kp, vp);
  }

  length(t: number): number {
    const i32 = this.i32;
    const asize = i32[(t + Layout.T_ASIZE) >> 2];
    if (asize > 0) {
      const arr = i32[(t + Layout.T_ARRAY) >> 2];
      if (i32[((arr + ((asize - 1) << 4)) >> 2) + 2] === Tag.Nil) {
        if (asize >= 2 && i32[((arr + ((asize - 2) << 4)) >> 2) + 2] !== Tag.Nil) return asize - 1;
        let i = 0, j = asize;
        while (j - i > 1) {
          const m = (i + j) >>> 1;
          if (i32[((arr + ((m - 1) << 4)) >> 2) + 2] === Tag.Nil) j = m; else i = m;
        }
        return i;
      }
    }
    if (i32[(t + Layout.T_NODE) >> 2] === Layout.DUMMY_NODE ||
        i32[(this.getInt(t, asize + 1) + 8) >> 2] === Tag.Nil) return asize;
    // hash_search
    let j = asize === 0 ? 1 : asize, i: number;
    do {
      i = j;
      if (j <= 2 ** 52) j *= 2;
      else return j; // beyond any realistic table
    } while (i32[(this.getInt(t, j) + 8) >> 2] !== Tag.Nil);
    while (j - i > 1) {
      const m = Math.floor((i + j) / 2);
      if (i32[(this.getInt(t, m) + 8) >> 2] === Tag.Nil) j = m; else i = m;
    }
    return i;
  }

  next(t: number, kp: number, outK: number, outV: number): boolean {
    const i32 = this.i32;
    const asize = i32[(t + Layout.T_ASIZE) >> 2], arr = i32[(t + Layout.T_ARRAY) >> 2];
    const node = i32[(t + Layout.T_NODE) >> 2];
    let i = this.findIndex(t, kp, asize, node);
    for (; i < asize; i++) {
      const vp = arr + (i << 4);
      if (i32[(vp >> 2) + 2] !== Tag.Nil) {
        this.setInt(outK, i + 1);
        this.copy(outV, vp);
        return true;
      }
    }
    const size = node === Layout.DUMMY_NODE ? 0 : 1 << this.u8[t + Layout.T_LSIZE];
    for (i -= asize; i < size; i++) {
      const n = node + (i << 5), q = n >> 2;
      if (i32[q + 6] !== Tag.Nil) {
        const o = outK >> 2;
        i32[o] = i32[q]; i32[o + 1] = i32[q + 1]; i32[o + 2] = i32[q + 2];
        this.copy(outV, n + Layout.N_VAL);
        return true;
      }
    }
    return false;
  }

  /** Traversal index after key `kp`: array slots first, then nodes (findindex). */
  private findIndex(t: number, kp: number, asize: number, node: number): number {
    const i32 = this.i32, q = kp >> 2;
    let tag = i32[q + 2];
    if (tag === Tag.Nil) return 0;
    let lo = i32[q], hi = i32[q + 1];
    if (tag === Tag.Float && I64.fromDouble(this.f64[kp >> 3], I64.F2I.Eq)) {
      lo = I64.RES_LO; hi = I64.RES_HI; tag = Tag.Int;
      this.setInt64(SCRATCH_K, lo, hi);
      kp = SCRATCH_K;
    }
    if (tag === Tag.Int && hi === 0 && lo > 0 && lo <= asize) return lo;
    if (node !== Layout.DUMMY_NODE && !(tag === Tag.Float && this.f64[kp >> 3] !== this.f64[kp >> 3])) {
      let n = this.mainPosition(t, kp);
      for (;;) {
        const nq = n >> 2, nt = i32[nq + 2];
        let same = false;
        if (nt === tag) {
          if (tag === Tag.Float) same = this.f64[n >> 3] === this.f64[kp >> 3];
          else if (tag === Tag.Int) same = i32[nq] === lo && i32[nq + 1] === hi;
          else if (tag === Tag.Str) same = this.strings.eq(i32[nq], lo);
          else same = tag <= Tag.True || i32[nq] === lo;
        } else if (nt === Layout.TAG_DEADKEY && tag >= Tag.Str) {
          same = i32[nq] === lo;
        }
        if (same) return asize + ((n - node) >> 5) + 1;
        n = i32[nq + 3];
        if (n === 0) break;
      }
    }
    throw new LuaRuntimeError("invalid key to 'next'");
  }

  tm(mt: number, event: number): number {
    if (event <= TM_CACHED_MAX) {
      const flags = this.u8[mt + Layout.T_FLAGS];
      if ((flags & (1 << event)) !== 0) return 0;
      const p = this.getStr(mt, this.tmNames[event]);
      if (this.i32[(p + 8) >> 2] === Tag.Nil) { this.u8[mt + Layout.T_FLAGS] = flags | (1 << event); return 0; }
      return p;
    }
    const p = this.getStr(mt, this.tmNames[event]);
    return this.i32[(p + 8) >> 2] === Tag.Nil ? 0 : p;
  }

  // ======================================================================================
  // protos and closures

  newProto(p: Proto): number {
    return this.loadProto(p, new Map());
  }

  /** `longStrings` makes equal long-string constants of one chunk one object, as luac's
   *  constant table does (string.format('%p') tells them apart). */
  private loadProto(p: Proto, longStrings: Map<string, number>): number {
    const nk = p.constants.length, nc = p.protos.length;
    // The interpreter reads instructions, and keeps its field caches and back-edge counters,
    // in the proto object: through the view it reads registers with, it needs no other
    // array's map, bounds and data pointer per instruction, and no JS Proto per call. After
    // the child refs (see Layout.P_CODE): the frame word, the code's length n, the code, n
    // field caches, n back-edge counters.
    const n = p.code.length, codeOff = Layout.P_CONSTS + (nk << 4) + (nc << 2) + 8;
    const ref = this.newObj(Layout.KIND_PROTO, codeOff + 12 * n);
    let idx: number;
    if (this.freeProtos.length > 0) idx = this.freeProtos.pop()!;
    else { idx = this.protos.length; this.protos.push(undefined); }
    this.protos[idx] = p;
    const i32 = this.i32;
    i32[(ref + Layout.P_INDEX) >> 2] = idx;
    i32[(ref + Layout.P_CODE) >> 2] = codeOff;
    const cw = (ref + codeOff) >> 2;
    i32[cw - 2] = p.maxStackSize | (p.numParams << Layout.PF_NPARAMS) | (p.isVararg ? Layout.PF_VARARG : 0);
    i32[cw - 1] = n;
    i32.set(p.code, cw);
    i32.fill(0, cw + n, cw + 3 * n);
    i32[(ref + Layout.P_NK) >> 2] = 0;
    i32[(ref + Layout.P_NCHILD) >> 2] = 0;
    const base = ref + Layout.P_CONSTS;
    for (let i = 0; i < nk; i++) {
      const c = p.constants[i], kp = base + (i << 4);
      switch (c.kind) {
        case 'nil': this.setNil(kp); break;
        case 'bool': this.setBool(kp, c.value); break;
        case 'int': this.setIntBig(kp, c.value); break;
        case 'float': this.setFloat(kp, c.value); break;
        case 'str': {
          let id = longStrings.get(c.value);
          if (id === undefined) {
            id = this.intern(c.value);
            if (c.value.length > 40) longStrings.set(c.value, id);
          }
          this.setStr(kp, id);
          break;
        }
      }
      i32[(ref + Layout.P_NK) >> 2] = i + 1;
    }
    const cb = base + (nk << 4);
    for (let i = 0; i < nc; i++) {
      i32[(cb + (i << 2)) >> 2] = this.loadProto(p.protos[i], longStrings);
      i32[(ref + Layout.P_NCHILD) >> 2] = i + 1;
    }
    return ref;
  }
  protoOf(protoRef: number): Proto {
    return this.protos[this.i32[(protoRef + Layout.P_INDEX) >> 2]]!;
  }
  /** The Proto whose index (the i32 at P_INDEX of its proto object) is `index`. */
  protoAt(index: number): Proto {
    return this.protos[index]!;
  }
  protoConstants(protoRef: number): number {
    return protoRef + Layout.P_CONSTS;
  }
  protoChild(protoRef: number, i: number): number {
    const nk = this.protoOf(protoRef).constants.length;
    return this.i32[(protoRef + Layout.P_CONSTS + (nk << 4) + (i << 2)) >> 2];
  }

  newLClosure(protoRef: number, nup: number): number {
    const cl = this.newObj(Tag.LFunc, Layout.CL_UPVALS + nup * 4);
    this.i32[(cl + Layout.CL_PROTO) >> 2] = protoRef;
    this.i32[(cl + Layout.CL_NUP) >> 2] = nup;
    return cl;
  }
  closureProto(cl: number): number { return this.i32[(cl + Layout.CL_PROTO) >> 2]; }
  closureUpval(cl: number, i: number): number { return this.i32[(cl + Layout.CL_UPVALS + (i << 2)) >> 2]; }
  setClosureUpval(cl: number, i: number, uv: number): void { this.i32[(cl + Layout.CL_UPVALS + (i << 2)) >> 2] = uv; }
  closureNup(cl: number): number { return this.i32[(cl + Layout.CL_NUP) >> 2]; }

  newUpval(th: number, slot: number): number {
    const uv = this.newObj(Layout.KIND_UPVAL, Layout.UPVAL_SIZE);
    this.i32[(uv + Layout.UV_THREAD) >> 2] = th;
    this.i32[(uv + Layout.UV_SLOT) >> 2] = slot;
    return uv;
  }
  upvalPtr(uv: number): number {
    const th = this.i32[(uv + Layout.UV_THREAD) >> 2];
    if (th === 0) return uv + Layout.UV_VALUE;
    return this.i32[(th + Layout.TH_STACK) >> 2] + (this.i32[(uv + Layout.UV_SLOT) >> 2] << 4);
  }
  upvalIsOpen(uv: number): boolean { return this.i32[(uv + Layout.UV_THREAD) >> 2] !== 0; }
  upvalSlot(uv: number): number { return this.i32[(uv + Layout.UV_SLOT) >> 2]; }
  closeUpval(uv: number): void {
    this.copy(uv + Layout.UV_VALUE, this.upvalPtr(uv));
    this.i32[(uv + Layout.UV_THREAD) >> 2] = 0;
  }
  upvalNext(uv: number): number { return this.i32[(uv + Layout.UV_NEXT) >> 2]; }
  setUpvalNext(uv: number, next: number): void { this.i32[(uv + Layout.UV_NEXT) >> 2] = next; }

  private newHandle(value: unknown, name: string | undefined): number {
    let h: number;
    if (this.freeHandles.length > 0) h = this.freeHandles.pop()!;
    else { h = this.handles.length; this.handles.push(undefined); this.handleNames.push(undefined); }
    this.handles[h] = value;
    this.handleNames[h] = name;
    return h;
  }
  private freeHandle(h: number): void {
    this.handles[h] = undefined;
    this.handleNames[h] = undefined;
    this.freeHandles.push(h);
  }

  newHostFunction(fn: HostFunction, nup: number, name?: string): number {
    const ref = this.newObj(Tag.HFunc, Layout.H_UPVALS + nup * 16);
    this.i32[(ref + Layout.H_HANDLE) >> 2] = this.newHandle(fn, name);
    this.i32[(ref + Layout.H_NUP) >> 2] = nup;
    return ref;
  }
  hostFunction(ref: number): HostFunction { return this.handles[this.i32[(ref + Layout.H_HANDLE) >> 2]] as HostFunction; }
  hostName(ref: number): string | undefined { return this.handleNames[this.i32[(ref + Layout.H_HANDLE) >> 2]]; }
  hostUpvalPtr(ref: number, i: number): number { return ref + Layout.H_UPVALS + (i << 4); }
  hostNup(ref: number): number { return this.i32[(ref + Layout.H_NUP) >> 2]; }

  // ======================================================================================
  // userdata

  newUserdata(value: unknown, nuservalues: number): number {
    const ref = this.newObj(Tag.Userdata, Layout.U_UVALS + nuservalues * 16);
    this.i32[(ref + Layout.U_HANDLE) >> 2] = this.newHandle(value, undefined);
    this.i32[(ref + Layout.U_NUV) >> 2] = nuservalues;
    return ref;
  }
  userdataValue(ref: number): unknown { return this.handles[this.i32[(ref + Layout.U_HANDLE) >> 2]]; }
  setUserdataValue(ref: number, value: unknown): void { this.handles[this.i32[(ref + Layout.U_HANDLE) >> 2]] = value; }
  userdataMetatable(ref: number): number { return this.i32[(ref + Layout.U_META) >> 2]; }
  setUserdataMetatable(ref: number, mt: number): void { this.i32[(ref + Layout.U_META) >> 2] = mt; }
  userdataUservaluePtr(ref: number, i: number): number { return ref + Layout.U_UVALS + (i << 4); }
  userdataNuv(ref: number): number { return this.i32[(ref + Layout.U_NUV) >> 2]; }

  // ======================================================================================
  // threads

  newThread(size: number): number {
    const th = this.newObj(Tag.Thread, Layout.THREAD_SIZE);
    const st = this.alloc(size * 16, Layout.KIND_RAW);
    this.i32[(th + Layout.TH_STACK) >> 2] = st;
    this.i32[(th + Layout.TH_SIZE) >> 2] = size;
    return th;
  }
  threadStack(th: number): number { return this.i32[(th + Layout.TH_STACK) >> 2]; }
  threadStackSize(th: number): number { return this.i32[(th + Layout.TH_SIZE) >> 2]; }
  growStack(th: number, size: number): void {
    const old = this.i32[(th + Layout.TH_SIZE) >> 2];
    if (size <= old) return;
    const oldSt = this.i32[(th + Layout.TH_STACK) >> 2];
    const st = this.alloc(size * 16, Layout.KIND_RAW);
    this.u8.copyWithin(st, oldSt, oldSt + (old << 4));
    this.freeBlock(oldSt);
    this.i32[(th + Layout.TH_STACK) >> 2] = st;
    this.i32[(th + Layout.TH_SIZE) >> 2] = size;
  }
  shrinkStack(th: number, size: number): void {
    const old = this.i32[(th + Layout.TH_SIZE) >> 2];
    if (size >= old) return;
    const oldSt = this.i32[(th + Layout.TH_STACK) >> 2];
    const st = this.alloc(size * 16, Layout.KIND_RAW);
    this.u8.copyWithin(st, oldSt, oldSt + (size << 4));
    this.freeBlock(oldSt);
    this.i32[(th + Layout.TH_STACK) >> 2] = st;
    this.i32[(th + Layout.TH_SIZE) >> 2] = size;
  }
  threadTop(th: number): number { return this.i32[(th + Layout.TH_TOP) >> 2]; }
  setThreadTop(th: number, top: number): void { this.i32[(th + Layout.TH_TOP) >> 2] = top; }
  threadOpenUpval(th: number): number { return this.i32[(th + Layout.TH_OPENUV) >> 2]; }
  setThreadOpenUpval(th: number, uv: number): void { this.i32[(th + Layout.TH_OPENUV) >> 2] = uv; }

  // ======================================================================================
  // GC

  bytesInUse(): number { return this.arenaBytes + this.strings.bytes; }

  /** Live object count (tests and stats). */
  objectCount(): number { return this.allgcCount; }

  private setThreshold(): void {
    const live = this.bytesInUse();
    let th = Math.max(live / 100 * this.gcPause, live + GC_MIN_STEP);
    // Near the limit, collect before the limit is reached.
    th = Math.min(th, (this.memoryLimit + live) / 2);
    // a whole number: the field must not turn from small integers into doubles mid-run (a new
    // V8 map for the Heap, which deoptimizes every function that uses it, the interpreter too)
    this.threshold = Math.floor(th);
  }

  checkGC(): void {
    if (this.gcRunning && this.arenaBytes + this.strings.bytes > this.threshold && !this.finalizing) this.collect();
  }
  fullGC(): void {
    if (!this.finalizing) this.collect();
  }
  /** True while a finalizer runs: the collector is stopped then, and 5.4's lua_gc answers -1
   *  (collectgarbage returns false for every option). */
  get gcBlocked(): boolean { return this.finalizing; }
  /** collectgarbage("step", kb). The collector is not incremental, so steps are emulated:
   *  each step earns credit (kb KiB, or one basic step of 8 KiB for 0, scaled by stepmul) and
   *  a full cycle runs once the credit covers the bytes in use, as an incremental cycle would
   *  have traversed them. Returns true when that step finished a cycle, in incremental mode
   *  only: 5.4 in generational mode never reports the end of a cycle (lua.c starts in that
   *  mode, so `lua5.4 -e 'print(collectgarbage("step"))'` prints false). */
  gcStep(kb: number): boolean {
    if (this.finalizing) return false;
    const unit = kb > 0 ? kb * 1024 : 8192;
    this.stepCredit += unit * Math.max(this.gcStepMul, 1) / 100;
    if (this.stepCredit < this.bytesInUse()) return false;
    this.collect();
    return this.gcMode === 'incremental';
  }

  /** After setmetatable: register `ref` (a table or userdata) for finalization if its new
   *  metatable has `__gc` (5.4's luaC_checkfinalizer). */
  checkFinalizer(tag: number, ref: number): void {
    if (this.closed) return;
    const mt = tag === Tag.Table ? this.i32[(ref + Layout.T_META) >> 2] : tag === Tag.Userdata ? this.i32[(ref + Layout.U_META) >> 2] : 0;
    if (mt === 0) return;
    const w = this.i32[(ref - 4) >> 2];
    if ((w & Layout.GC_FINOBJ) !== 0) return;
    const p = this.getStr(mt, this.tmNames[TM_GC]);
    if (this.i32[(p + 8) >> 2] === Tag.Nil) return;
    this.i32[(ref - 4) >> 2] = w | Layout.GC_FINOBJ;
    this.finobj.push(ref);
  }

  close(): void {
    this.closed = true;
    this.runFinalizers();
    for (let i = this.finobj.length - 1; i >= 0; i--) this.tobefnz.push(this.finobj[i]);
    this.finobj.length = 0;
    this.runFinalizers();
  }

  private runFinalizers(): void {
    // Finalizers may trigger nested collections that append to the queue: take one at a time
    // from the front (a head index, not Array.shift, which is O(n) per call).
    while (this.fnzHead < this.tobefnz.length) {
      const r = this.tobefnz[this.fnzHead++];
      if (this.fnzHead === this.tobefnz.length) { this.tobefnz.length = 0; this.fnzHead = 0; }
      // Like 5.4's udata2finalize: the object is an ordinary one again from here on, so its
      // finalizer may register it anew with setmetatable.
      this.i32[(r - 4) >> 2] &= ~Layout.GC_FINOBJ;
      const kind = this.i32[(r - 4) >> 2] & Layout.GC_KIND_MASK;
      if (this.onFinalize === null) continue;
      // 5.4's GCTM stops the collector while a finalizer runs (GCSTPGC).
      const was = this.finalizing;
      this.finalizing = true;
      try { this.onFinalize(kind, r); } finally { this.finalizing = was; }
    }
  }

  private markObj(ref: number): void {
    const q = (ref - 4) >> 2, w = this.i32[q];
    if ((w & Layout.GC_MARK) !== 0) return;
    this.i32[q] = w | Layout.GC_MARK;
    if (this.grayTop === this.gray.length) {
      const g = new Int32Array(this.gray.length * 2);
      g.set(this.gray);
      this.gray = g;
    }
    this.gray[this.grayTop++] = ref;
  }

  private markValue(p: number): void {
    const q = p >> 2, tag = this.i32[q + 2];
    if (tag === Tag.Str) this.strings.marks[this.i32[q]] = 1;
    else if (tag >= Tag.Table && tag <= Tag.Thread) this.markObj(this.i32[q]);
  }

  private isMarked(ref: number): boolean {
    return (this.i32[(ref - 4) >> 2] & Layout.GC_MARK) !== 0;
  }

  /** Whether a weak entry holding this value must go (iscleared); strings never go. */
  private isCleared(p: number): boolean {
    const q = p >> 2, tag = this.i32[q + 2];
    if (tag === Tag.Str) { this.strings.marks[this.i32[q]] = 1; return false; }
    if (tag >= Tag.Table && tag <= Tag.Thread) return !this.isMarked(this.i32[q]);
    return false;
  }

  private collect(): void {
    if (this.collecting) return;
    this.collecting = true;
    try {
      this.grayTop = 0;
      this.weakList.length = 0;
      this.ephemeronList.length = 0;
      this.allweakList.length = 0;
      this.markRoots();
      this.propagate();
      this.convergeEphemerons();
      this.clearByValues(this.weakList);
      this.clearByValues(this.allweakList);
      this.separateToBeFnz();
      this.propagate();
      this.convergeEphemerons();
      this.clearByKeys(this.ephemeronList);
      this.clearByKeys(this.allweakList);
      this.clearByValues(this.weakList);
      this.clearByValues(this.allweakList);
      this.sweep();
      this.coalesce();
      this.strings.sweep();
      this.setThreshold();
      this.stepCredit = 0;
    } finally {
      this.collecting = false;
    }
    this.runFinalizers();
  }

  private markRoots(): void {
    this.markObj(this.registry);
    this.markObj(this.mainThread);
    for (let i = 0; i < this.typeMetatables.length; i++) {
      if (this.typeMetatables[i] !== 0) this.markObj(this.typeMetatables[i]);
    }
    const marks = this.strings.marks;
    for (let i = 0; i < this.tmNames.length; i++) marks[this.tmNames[i]] = 1;
    for (let i = 0; i < this.fixedStrings.length; i++) marks[this.fixedStrings[i]] = 1;
    for (const p of this.extraRoots) this.markValue(p);
    for (let i = this.fnzHead; i < this.tobefnz.length; i++) this.markObj(this.tobefnz[i]);
  }

  /** Unreachable objects with a finalizer are resurrected and queued, newest first. */
  private separateToBeFnz(): void {
    const fin = this.finobj;
    let w = 0;
    const due: number[] = [];
    for (let i = 0; i < fin.length; i++) {
      const r = fin[i];
      if (this.isMarked(r)) fin[w++] = r;
      else due.push(r);
    }
    fin.length = w;
    for (let i = due.length - 1; i >= 0; i--) {
      const r = due[i];
      this.tobefnz.push(r);
      this.markObj(r);
    }
  }

  private propagate(): void {
    const i32 = this.i32;
    while (this.grayTop > 0) {
      const r = this.gray[--this.grayTop];
      switch (i32[(r - 4) >> 2] & Layout.GC_KIND_MASK) {
        case Tag.Table: this.traverseTable(r); break;
        case Tag.LFunc: {
          this.markObj(i32[(r + Layout.CL_PROTO) >> 2]);
          const n = i32[(r + Layout.CL_NUP) >> 2];
          for (let i = 0; i < n; i++) {
            const uv = i32[(r + Layout.CL_UPVALS + (i << 2)) >> 2];
            if (uv !== 0) this.markObj(uv);
          }
          break;
        }
        case Tag.HFunc: {
          const n = i32[(r + Layout.H_NUP) >> 2];
          for (let i = 0; i < n; i++) this.markValue(r + Layout.H_UPVALS + (i << 4));
          break;
        }
        case Tag.Userdata: {
          const mt = i32[(r + Layout.U_META) >> 2];
          if (mt !== 0) this.markObj(mt);
          const n = i32[(r + Layout.U_NUV) >> 2];
          for (let i = 0; i < n; i++) this.markValue(r + Layout.U_UVALS + (i << 4));
          break;
        }
        case Tag.Thread: {
          const st = i32[(r + Layout.TH_STACK) >> 2], size = i32[(r + Layout.TH_SIZE) >> 2];
          const top = Math.min(i32[(r + Layout.TH_TOP) >> 2], size);
          for (let i = 0; i < top; i++) this.markValue(st + (i << 4));
          for (let i = top; i < size; i++) i32[((st + (i << 4)) >> 2) + 2] = Tag.Nil;
          for (let uv = i32[(r + Layout.TH_OPENUV) >> 2]; uv !== 0; uv = i32[(uv + Layout.UV_NEXT) >> 2]) this.markObj(uv);
          break;
        }
        case Layout.KIND_UPVAL: {
          const th = i32[(r + Layout.UV_THREAD) >> 2];
          if (th !== 0) this.markObj(th);
          this.markValue(this.upvalPtr(r));
          break;
        }
        case Layout.KIND_PROTO: {
          const nk = i32[(r + Layout.P_NK) >> 2], nc = i32[(r + Layout.P_NCHILD) >> 2];
          for (let i = 0; i < nk; i++) this.markValue(r + Layout.P_CONSTS + (i << 4));
          const cb = r + Layout.P_CONSTS + (this.protoOf(r).constants.length << 4);
          for (let i = 0; i < nc; i++) this.markObj(i32[(cb + (i << 2)) >> 2]);
          break;
        }
      }
    }
  }

  /** Weak mode of a table from its metatable's __mode: bit 1 weak keys, bit 2 weak values. */
  private weakMode(t: number): number {
    const mt = this.i32[(t + Layout.T_META) >> 2];
    if (mt === 0) return 0;
    const p = this.getStr(mt, this.tmNames[TM_MODE]);
    if (this.i32[(p + 8) >> 2] !== Tag.Str) return 0;
    const s = this.strings.strs[this.i32[p >> 2]]!;
    return (s.indexOf('k') >= 0 ? 1 : 0) | (s.indexOf('v') >= 0 ? 2 : 0);
  }

  private traverseTable(t: number): void {
    const i32 = this.i32;
    const mt = i32[(t + Layout.T_META) >> 2];
    if (mt !== 0) this.markObj(mt);
    const mode = this.weakMode(t);
    const asize = i32[(t + Layout.T_ASIZE) >> 2], arr = i32[(t + Layout.T_ARRAY) >> 2];
    if ((mode & 2) === 0) for (let i = 0; i < asize; i++) this.markValue(arr + (i << 4));
    const node = i32[(t + Layout.T_NODE) >> 2];
    const size = node === Layout.DUMMY_NODE ? 0 : 1 << this.u8[t + Layout.T_LSIZE];
    for (let j = 0; j < size; j++) {
      const n = node + (j << 5), q = n >> 2;
      if (i32[q + 6] === Tag.Nil) {
        const kt = i32[q + 2];
        if (kt >= Tag.Str && kt <= Tag.Thread) i32[q + 2] = Layout.TAG_DEADKEY;
        continue;
      }
      switch (mode) {
        case 0: this.markValue(n); this.markValue(n + Layout.N_VAL); break;
        case 2: this.markValue(n); break;
        case 1: if (!this.isCleared(n)) this.markValue(n + Layout.N_VAL); break;
        // kv: nothing is marked
      }
    }
    if (mode === 2) this.weakList.push(t);
    else if (mode === 1) this.ephemeronList.push(t);
    else if (mode === 3) this.allweakList.push(t);
  }

  private convergeEphemerons(): void {
    const i32 = this.i32;
    let changed: boolean;
    do {
      changed = false;
      for (let e = 0; e < this.ephemeronList.length; e++) {
        const t = this.ephemeronList[e];
        const node = i32[(t + Layout.T_NODE) >> 2];
        const size = node === Layout.DUMMY_NODE ? 0 : 1 << this.u8[t + Layout.T_LSIZE];
        for (let j = 0; j < size; j++) {
          const n = node + (j << 5), q = n >> 2;
          const vt = i32[q + 6];
          if (vt < Tag.Str || vt === Layout.TAG_DEADKEY) continue;
          if (this.isCleared(n)) continue;
          if (vt === Tag.Str) { this.strings.marks[i32[q + 4]] = 1; continue; }
          if (vt <= Tag.Thread && !this.isMarked(i32[q + 4])) {
            this.markObj(i32[q + 4]);
            changed = true;
          }
        }
      }
      this.propagate();
    } while (changed);
  }

  private clearEntry(n: number): void {
    const q = n >> 2;
    this.i32[q + 6] = Tag.Nil;
    const kt = this.i32[q + 2];
    if (kt >= Tag.Str && kt <= Tag.Thread) this.i32[q + 2] = Layout.TAG_DEADKEY;
  }

  private clearByValues(list: number[]): void {
    const i32 = this.i32;
    for (const t of list) {
      const asize = i32[(t + Layout.T_ASIZE) >> 2], arr = i32[(t + Layout.T_ARRAY) >> 2];
      for (let i = 0; i < asize; i++) {
        const p = arr + (i << 4);
        if (this.isCleared(p)) i32[(p >> 2) + 2] = Tag.Nil;
      }
      const node = i32[(t + Layout.T_NODE) >> 2];
      const size = node === Layout.DUMMY_NODE ? 0 : 1 << this.u8[t + Layout.T_LSIZE];
      for (let j = 0; j < size; j++) {
        const n = node + (j << 5);
        if (this.isCleared(n + Layout.N_VAL)) this.clearEntry(n);
      }
    }
  }

  private clearByKeys(list: number[]): void {
    const i32 = this.i32;
    for (const t of list) {
      const node = i32[(t + Layout.T_NODE) >> 2];
      const size = node === Layout.DUMMY_NODE ? 0 : 1 << this.u8[t + Layout.T_LSIZE];
      for (let j = 0; j < size; j++) {
        const n = node + (j << 5);
        if (i32[(n >> 2) + 6] !== Tag.Nil && this.isCleared(n)) this.clearEntry(n);
      }
    }
  }

  private sweep(): void {
    const i32 = this.i32, all = this.allgc;
    let w = 0;
    const n = this.allgcCount;
    for (let i = 0; i < n; i++) {
      const r = all[i], q = (r - 4) >> 2, word = i32[q];
      if ((word & Layout.GC_MARK) !== 0) { i32[q] = word & ~Layout.GC_MARK; all[w++] = r; continue; }
      switch (word & Layout.GC_KIND_MASK) {
        case Tag.Table: {
          if (i32[(r + Layout.T_ASIZE) >> 2] > 0) this.freeBlock(i32[(r + Layout.T_ARRAY) >> 2]);
          const node = i32[(r + Layout.T_NODE) >> 2];
          if (node !== Layout.DUMMY_NODE) this.freeBlock(node);
          break;
        }
        case Tag.Thread:
          this.freeBlock(i32[(r + Layout.TH_STACK) >> 2]);
          if (this.onFreeThread !== null) this.onFreeThread(r);
          break;
        case Tag.HFunc: this.freeHandle(i32[(r + Layout.H_HANDLE) >> 2]); break;
        case Tag.Userdata: this.freeHandle(i32[(r + Layout.U_HANDLE) >> 2]); break;
        case Layout.KIND_PROTO: {
          const idx = i32[(r + Layout.P_INDEX) >> 2];
          this.protos[idx] = undefined;
          this.freeProtos.push(idx);
          break;
        }
      }
      this.freeBlock(r);
    }
    this.allgcCount = w;
  }
}
