// The trace JIT's driver: hot-loop counting, recording, compiling, running traces and
// restoring the interpreter's state at an exit. Attached to a LuaState through the one hook
// interface the VM offers (L.hooks.hotLoop, called at back-edges when L.loopCounter runs out).
//
// Memory: the heap's arena is a plain ArrayBuffer, so machine code does not read it in place.
// The JIT owns a small native arena (context block, double constants, a stack window); on
// entry the slots a trace touches are copied into the window, on exit the slots it wrote are
// copied back. Entry types are checked during that copy (the trace's type guards), so the
// machine code starts straight at its loop head.
import { Tag } from '../lang/heap/tags.js';
import { Op, OP_NAMES as BC_NAMES, Fmt } from '../lang/vm/opcodes.js';
import type { LuaState } from '../lang/vm/state.js';
import { CIF } from '../lang/vm/consts.js';
import {
  CodeMemory, allocArena, arenaAddress, enterFunction, freeArena, isNativeArena, nativeBinding, setEnterContext,
  type CodeBlock,
} from '../native/addon.js';
import { assemble } from './asm.js';
import { LirBuffer, TraceAbort, printLir } from './lir.js';
import { UPVAL_SLOT0, recordLoop, type ConstLookup } from './record.js';
import { cpuFeatures } from './x64/cpu.js';
import { JIT_DEFAULT_ON, jitUnavailable } from './status.js';
import { listing } from './x64/disasm.js';
import { CTX_BASE, CTX_ENTRY, CTX_HEAP, CTX_TRACE, CTX_USER, installTrampolines, type Trampolines } from './x64/trampoline.js';

export { JIT_DEFAULT_ON, jitUnavailable };

export interface JitOptions {
  enabled: boolean | null;
  verbose: boolean;
  dump: boolean;
  hotloop: number | null;
  hotexit: number | null;
}

const HOTLOOP = 56;
const HOTEXIT = 10;
const MAX_ABORTS = 4;
/** Iterations a trace may run per entry before it returns to the interpreter (the VM's
 *  hooks run between entries). */
const ENTRY_BUDGET = 1 << 24;
/** Trace entries per window, the iterations per entry below which a trace goes cold, the
 *  back-edges between entries of a cold trace, and the run of one entry that warms it. */
const WINDOW_ENTRIES = 128;
// 12: an entry costs about as much as ten short iterations; fannkuch's copy and swap loops
// (up to 9 iterations per entry) ran 5-11% slower traced than interpreted at 2
const SHORT_RUN = 12;
const COLD_WAIT = 1024;
// Each sample of a cold trace costs tens of thousands of instructions (the entry code runs
// rarely, so V8 leaves it unoptimised): the wait doubles after every sample that stays short,
// up to this, and falls back to COLD_WAIT when a sample runs long.
const COLD_WAIT_MAX = 1 << 18;
const LONG_RUN = 16;

// native arena layout
const ARENA_BYTES = 1 << 20;
const CTX = 0;
const POOL_START = 4096, POOL_END = 65536;
const WINDOW = 65536; // 256 frame slots, then 256 upvalue slots, 16 bytes each

interface Trace {
  id: number;
  block: CodeBlock;
  address: number;
  entryTags: [number, number][];
  /** slots copied in (touched) and back out (written) */
  touched: Int32Array;
  written: Int32Array;
  /** the for loop's step slot, -1 for while/repeat loops */
  stepSlot: number;
  stepSign: number;
  /** table lookups baked in as constants, checked at each entry */
  lookups: ConstLookup[];
  /** [upvalue index, tag] copied into the window at each entry */
  upvals: [number, number][];
  /** per exit number (root and side-trace exits share one numbering per root) */
  exitPcs: number[];
  exitCounts: number[];
  exitKinds: string[];
  /** address of each exit's stub and the block holding it (patched to a side trace) */
  stubAddr: number[];
  stubBlock: CodeBlock[];
  sideTried: boolean[];
  /** which trace (by id) owns each exit, for -jv */
  exitOwner: number[];
  protoRef: number;
  startPc: number;
  forPc: number;
  entryTagMap: Map<number, number>;
  entries: number;
  bounces: number;
  /** the current window of entries: how many, and the loop iterations they ran */
  winEntries: number;
  winIters: number;
  /** runs too short to pay for an entry: entered only every coldWait back-edges */
  cold: boolean;
  coldWait: number;
  /** low word of the loop count at the last guard exit (NO_COUNT after other exits) */
  lastExitCount: number;
}

interface LoopState {
  aborts: number;
  /** back-edges to skip before trying again (penalty after an abort) */
  wait: number;
  blacklisted: boolean;
  trace: Trace | null;
  /** entries refused in a row because the slot types did not match the trace's */
  misses: number;
  /** numeric for (else while/repeat), and the loop's last pc (FORLOOP or back JMP) */
  isFor: boolean;
  endPc: number;
}

/** Which loop starts at `pc`: a numeric for when a FORPREP precedes it (its FORLOOP ends it),
 *  else a while/repeat/goto loop ended by the last backward JMP to it; endPc -1 for others
 *  (a generic for's TFORLOOP). */
function loopShape(code: Int32Array, pc: number): [boolean, number] {
  const prev = code[pc - 1];
  if (prev !== undefined && (prev & 0x7f) === Op.FORPREP) return [true, pc + (prev >>> 15)];
  let end = -1;
  for (let j = pc; j < code.length; j++) {
    const i = code[j]!;
    if ((i & 0x7f) === Op.JMP && j + 1 + ((i >>> 7) - Fmt.OFFSET_sJ) === pc) end = j;
  }
  return [false, end];
}

/** A back-edge count that never runs out in practice (blacklisted loops, no JIT). */
const NEVER = 0x3fffffff;

let enterOwner: ArrayBuffer | null = null;
const BITS_F = new Float64Array(1);
const NO_COUNT = -0x80000000;
const BITS_U = new Uint32Array(BITS_F.buffer);

export class Jit {
  private readonly mem: CodeMemory;
  private readonly arena: ArrayBuffer;
  private readonly ai32: Int32Array;
  private readonly af64: Float64Array;
  private readonly dv: DataView;
  private readonly tramp: Trampolines;
  private readonly enter: () => number;
  private readonly loops = new Map<number, LoopState>();
  private readonly traces: Trace[] = [];
  private poolTop = POOL_START;
  private readonly poolMap = new Map<string, number>();
  private readonly hotloop: number;
  private readonly hotexit: number;
  private readonly mathFns = new Map<number, string>();
  private readonly tables: boolean;
  private readonly sse41 = cpuFeatures().sse41;
  /** Iteration budget per entry (specs lower it to test the back-edge check). */
  entryBudget = ENTRY_BUDGET;
  /** exits whose log lines were printed, per trace and exit */
  private exitLogged = 0;

  constructor(private readonly L: LuaState, private readonly opts: JitOptions) {
    const b = nativeBinding();
    if (!b) throw new Error('lunet: JIT needs the native addon');
    this.mem = new CodeMemory(b);
    this.arena = allocArena(ARENA_BYTES);
    this.ai32 = new Int32Array(this.arena);
    this.af64 = new Float64Array(this.arena);
    this.dv = new DataView(this.arena);
    this.tramp = installTrampolines(this.mem);
    this.dv.setBigUint64(CTX + CTX_ENTRY, BigInt(this.tramp.entry), true);
    this.dv.setBigUint64(CTX + CTX_BASE, BigInt(WINDOW), true);
    this.enter = enterFunction();
    this.hotloop = Math.max(1, opts.hotloop ?? HOTLOOP);
    this.hotexit = Math.max(1, opts.hotexit ?? HOTEXIT);
    // table reads in traces need the heap in native memory (the CLI puts it there)
    this.tables = isNativeArena(L.heap.buffer);
    if (this.tables) this.dv.setBigUint64(CTX + CTX_HEAP, arenaAddress(L.heap.buffer), true);
    for (const name of ['sqrt', 'abs', 'floor', 'ceil', 'min', 'max']) {
      const ref = this.libRef('math', name);
      if (ref !== 0) this.mathFns.set(ref, name);
    }
  }

  /** Unmaps the code memory and frees the context arena now (the state is being closed: no
   *  trace of it may run afterwards). */
  dispose(): void {
    if (enterOwner === this.arena) enterOwner = null;
    this.traces.length = 0;
    this.loops.clear();
    this.mem.dispose();
    freeArena(this.arena);
  }

  /** Code memory (specs check its chunks against /proc/self/maps). */
  codeMemory(): CodeMemory { return this.mem; }
  traceCount(): number { return this.traces.length; }

  private log(s: string): void {
    if (this.opts.verbose) this.L.stderr(`[TRACE ${s}]\n`);
  }

  private where(protoRef: number, pc: number): string {
    const P = this.L.heap.protoOf(protoRef);
    const src = P.source.startsWith('@') || P.source.startsWith('=') ? P.source.slice(1) : '?';
    return `${src}:${P.lineInfo[pc] ?? 0}`;
  }

  /** The VM hook: the back-edge counter hot[idx] of the loop whose body starts at `pc` ran
   *  out. Sets it to the back-edges until this loop should be looked at again: a loop with a
   *  trace at the next one (it goes straight into the trace), a loop given up on never.
   *  Returns the pc the interpreter continues at after running a trace, or -1 to continue
   *  where it was. With a budget hook every loop shares one counter (L.budgetIdx): then this sees
   *  a sample of the back-edges, and the VM clamps the counter after this returns. */
  hotLoop(protoRef: number, pc: number, hot: Int32Array, idx: number): number {
    const L = this.L;
    const key = protoRef * 131072 + pc;
    let st = this.loops.get(key);
    if (st === undefined) {
      const [isFor, endPc] = loopShape(L.heap.protoOf(protoRef).code, pc);
      st = { aborts: 0, wait: 0, blacklisted: endPc < 0, trace: null, misses: 0, isFor, endPc };
      this.loops.set(key, st);
      // this back-edge is the loop's first hit
      if (endPc >= 0 && this.hotloop > 1) { hot[idx] = this.hotloop - 1; return -1; }
    }
    if (st.trace !== null) {
      const r = this.run(st, st.trace, pc);
      if (r >= 0) {
        st.misses = 0;
        const tr = st.trace;
        if (tr !== null && tr.cold) { hot[idx] = tr.coldWait; tr.coldWait = Math.min(tr.coldWait * 2, COLD_WAIT_MAX); }
        else hot[idx] = 1;
        return r;
      }
      // entry types did not match: look again after a growing number of back-edges
      if (st.misses < 10) st.misses++;
      hot[idx] = st.trace === null ? NEVER : 1 << st.misses;
      return -1;
    }
    if (st.blacklisted) { hot[idx] = NEVER; return -1; }
    if (st.wait > 0) { hot[idx] = st.wait; st.wait = 0; return -1; }
    const tr = this.compile(protoRef, pc, st);
    if (tr === null) { hot[idx] = st.blacklisted ? NEVER : Math.max(1, st.wait); st.wait = 0; return -1; }
    st.trace = tr;
    hot[idx] = 1;
    return this.run(st, tr, pc);
  }

  private compile(protoRef: number, pc: number, st: LoopState): Trace | null {
    const L = this.L, h = L.heap;
    const P = h.protoOf(protoRef);
    const forPc = st.endPc;
    const id = this.traces.length + 1;
    const where = this.where(protoRef, pc);
    this.log(`${id} start ${where}`);
    const td = L.td;
    const base = td.cis[(td.ci << 4) | CIF.Base]!;
    try {
      if (P.maxStackSize + 4 > 256) throw new TraceAbort('NYI: frame with more than 252 slots');
      const rec = recordLoop({
        code: P.code, i32: L.i32, f64: L.f64, frame: L.stk + base * 16, consts: h.protoConstants(protoRef),
        startPc: pc, forPc, isFor: st.isFor, maxStack: P.maxStackSize, sse41: this.sse41,
        upvalPtr: (k: number) => h.upvalPtr(h.closureUpval(td.cis[(td.ci << 4) | CIF.Cl]!, k)),
        getStr: (t: number, key: number) => h.getStr(t, key), mathFns: this.mathFns, tables: this.tables,
      });
      const pool = { place: (v: number): number => this.place(v) };
      const probe = assemble(rec.lir, pool, this.tramp.exitHandler, this.tramp.exitHandler);
      const size = probe.asm.size;
      const block = this.mem.alloc(size);
      const end = block.address + block.size;
      const { asm, stubFromEnd } = assemble(rec.lir, pool, end, this.tramp.exitHandler);
      if (asm.size !== size) throw new Error('lunet: JIT code size changed between passes');
      this.mem.write(block, block.size - size, asm.view());
      this.mem.markExec(block);
      const lir: LirBuffer = rec.lir;
      const tr: Trace = {
        id, block, address: end - size,
        entryTags: [...rec.entryTags],
        touched: Int32Array.from(rec.touched), written: Int32Array.from(rec.written),
        stepSlot: rec.forA >= 0 ? rec.forA + 2 : -1, stepSign: rec.stepSign, upvals: [...rec.upvals], lookups: rec.lookups,
        exitPcs: lir.snaps.map((s) => s.pc),
        exitCounts: lir.snaps.map(() => 0),
        exitKinds: lir.snaps.map((s) => s.kind),
        stubAddr: stubFromEnd.map((d) => end - d),
        stubBlock: lir.snaps.map(() => block),
        sideTried: lir.snaps.map(() => false),
        exitOwner: lir.snaps.map(() => id),
        protoRef, startPc: pc, forPc, entryTagMap: rec.entryTags,
        entries: 0, bounces: 0, winEntries: 0, winIters: 0, cold: false, coldWait: COLD_WAIT, lastExitCount: NO_COUNT,
      };
      this.traces.push(tr);
      this.log(`${id} stop ${where} loop (${lir.n} LIR, ${lir.snaps.length} exits, ${size} bytes)`);
      if (this.opts.dump) this.dump(tr, P, pc, forPc, lir, asm.code());
      return tr;
    } catch (e) {
      if (!(e instanceof TraceAbort)) throw e;
      st.aborts++;
      // growing penalty, then give up on the loop
      st.wait = 8 << st.aborts;
      if (st.aborts >= MAX_ABORTS || e.message.startsWith('NYI')) st.blacklisted = true;
      this.log(`--- ${where} abort: ${e.message}${st.blacklisted ? ' (blacklisted)' : ''}`);
      return null;
    }
  }

  /** Records a side trace from exit `exitNo` of root `root` (the Lua stack is at that exit's
   *  state), assembles it to jump to the root's loop head, and patches the exit's stub to jump
   *  to it. Everything lives in memory between iterations, so there is no state to hand over. */
  private compileSide(root: Trace, exitNo: number): void {
    const L = this.L, h = L.heap;
    const P = h.protoOf(root.protoRef);
    const td = L.td;
    const base = td.cis[(td.ci << 4) | CIF.Base]!;
    const id = this.traces.length + 1;
    const entryPc = root.exitPcs[exitNo]!;
    const where = this.where(root.protoRef, entryPc);
    this.log(`${id} start ${root.exitOwner[exitNo]}/${exitNo} ${where}`);
    try {
      const rec = recordLoop({
        code: P.code, i32: L.i32, f64: L.f64, frame: L.stk + base * 16, consts: h.protoConstants(root.protoRef),
        startPc: root.startPc, forPc: root.forPc, isFor: root.stepSlot >= 0, maxStack: P.maxStackSize, sse41: this.sse41,
        upvalPtr: (k: number) => h.upvalPtr(h.closureUpval(td.cis[(td.ci << 4) | CIF.Cl]!, k)),
        getStr: (t: number, key: number) => h.getStr(t, key), mathFns: this.mathFns, tables: this.tables,
        side: { entryPc, rootEntryTags: root.entryTagMap },
      });
      const pool = { place: (v: number): number => this.place(v) };
      const exitBase = root.exitPcs.length;
      const probe = assemble(rec.lir, pool, this.tramp.exitHandler, this.tramp.exitHandler, exitBase, root.address);
      const size = probe.asm.size;
      const block = this.mem.alloc(size);
      const end = block.address + block.size;
      const { asm, stubFromEnd } = assemble(rec.lir, pool, end, this.tramp.exitHandler, exitBase, root.address);
      if (asm.size !== size) throw new Error('lunet: JIT code size changed between passes');
      this.mem.write(block, block.size - size, asm.view());
      this.mem.markExec(block);
      const lir = rec.lir;
      for (let k = 0; k < lir.snaps.length; k++) {
        root.exitPcs.push(lir.snaps[k]!.pc); root.exitCounts.push(0); root.exitKinds.push(lir.snaps[k]!.kind);
        root.stubAddr.push(end - stubFromEnd[k]!); root.stubBlock.push(block); root.sideTried.push(false);
        root.exitOwner.push(id);
      }
      // the root copies the union of slots and upvalues in and out
      root.touched = Int32Array.from(new Set([...root.touched, ...rec.touched]));
      root.written = Int32Array.from(new Set([...root.written, ...rec.written]));
      root.lookups = root.lookups.concat(rec.lookups);
      for (const [k, t] of rec.upvals) if (!root.upvals.some((u) => u[0] === k)) root.upvals.push([k, t]);
      // exit stub `push n; jmp handler` becomes `jmp side`
      const stub = root.stubAddr[exitNo]!, sb = root.stubBlock[exitNo]!;
      const rel = (block.address + block.size - size) - (stub + 5);
      const bytes = new Uint8Array([0xe9, rel & 0xff, (rel >> 8) & 0xff, (rel >> 16) & 0xff, (rel >>> 24) & 0xff]);
      this.mem.patch(sb, stub - sb.address, bytes);
      this.traces.push(root); // ids count side traces too
      this.log(`${id} stop ${where} -> ${root.id} (${lir.n} LIR, ${lir.snaps.length} exits, ${size} bytes)`);
      if (this.opts.dump) {
        this.L.stderr(`---- TRACE ${id} (side of ${root.id}, exit ${exitNo}) LIR\n${printLir(lir)}\n---- TRACE ${id} mcode ${size}\n${listing(asm.code(), end - size)}\n`);
      }
    } catch (e) {
      if (!(e instanceof TraceAbort)) throw e;
      this.log(`--- ${where} side abort: ${e.message}`);
    }
  }

  private lookupsHold(ls: ConstLookup[]): boolean {
    const L = this.L, h = L.heap, i32 = L.i32, td = L.td;
    for (let k = 0; k < ls.length; k++) {
      const l = ls[k]!;
      if (l.upval >= 0) {
        const p = h.upvalPtr(h.closureUpval(td.cis[(td.ci << 4) | CIF.Cl]!, l.upval)) >> 2;
        if (i32[p + 2] !== Tag.Table || i32[p] !== l.table) return false;
      }
      const v = h.getStr(l.table, l.key) >> 2;
      if (i32[v + 2] !== l.tag || i32[v] !== l.ref || ((l.tag === Tag.Int || l.tag === Tag.Float) && i32[v + 1] !== l.hi)) return false;
    }
    return true;
  }

  /** The ref of host function lib.name in the globals, or 0. */
  private libRef(lib: string, name: string): number {
    const h = this.L.heap, i32 = this.L.i32;
    const g = h.getInt(h.registry, 2) >> 2;
    if (i32[g + 2] !== Tag.Table) return 0;
    const t = h.getStr(i32[g]!, h.intern(lib)) >> 2;
    if (i32[t + 2] !== Tag.Table) return 0;
    const f = h.getStr(i32[t]!, h.intern(name)) >> 2;
    return i32[f + 2] === Tag.HFunc ? i32[f]! : 0;
  }

  private place(v: number): number {
    BITS_F[0] = v; // keyed by bits: -0.0 and NaN payloads stay distinct
    const key = `${BITS_U[0]}:${BITS_U[1]}`;
    let off = this.poolMap.get(key);
    if (off === undefined) {
      if (this.poolTop + 8 > POOL_END) throw new TraceAbort('constant pool full');
      off = this.poolTop;
      this.poolTop += 8;
      this.af64[off >> 3] = v;
      this.poolMap.set(key, off);
    }
    return off;
  }

  /** Runs trace `tr` from the state at the loop body; returns the pc to resume at, or -1 if
   *  the entry types do not match (the interpreter just carries on). */
  private run(st: LoopState, tr: Trace, pc: number): number {
    const L = this.L;
    const i32 = L.i32, f64 = L.f64;
    const td = L.td;
    const frame = (L.stk >> 2) + td.cis[(td.ci << 4) | CIF.Base]! * 4;
    for (let k = 0; k < tr.entryTags.length; k++) {
      const e = tr.entryTags[k]!;
      if (i32[frame + e[0] * 4 + 2] !== e[1]) return -1;
    }
    if (tr.stepSign !== 0) {
      const s = f64[(frame + tr.stepSlot * 4) >> 1]!;
      if (tr.stepSign > 0 ? !(s > 0) : !(s < 0)) return -1;
    }
    const ai32 = this.ai32;
    const win = WINDOW >> 2;
    if (tr.stepSign === 0 && tr.stepSlot >= 0 && tr.lastExitCount !== NO_COUNT && i32[frame + (tr.stepSlot - 1) * 4] === ((tr.lastExitCount - 1) | 0)) tr.bounces++;
    const touched = tr.touched;
    for (let k = 0; k < touched.length; k++) {
      const s = touched[k]! * 4;
      ai32[win + s] = i32[frame + s]!; ai32[win + s + 1] = i32[frame + s + 1]!; ai32[win + s + 2] = i32[frame + s + 2]!;
    }
    if (tr.lookups.length !== 0 && !this.lookupsHold(tr.lookups)) return -1;
    if (tr.upvals.length !== 0) {
      const h = L.heap, cl = td.cis[(td.ci << 4) | CIF.Cl]!;
      for (let k = 0; k < tr.upvals.length; k++) {
        const u = tr.upvals[k]!;
        const p = h.upvalPtr(h.closureUpval(cl, u[0])) >> 2;
        if (i32[p + 2] !== u[1]) return -1;
        const d = win + (UPVAL_SLOT0 + u[0]) * 4;
        ai32[d] = i32[p]!; ai32[d + 1] = i32[p + 1]!; ai32[d + 2] = i32[p + 2]!;
      }
    }
    if (enterOwner !== this.arena) { setEnterContext(this.arena, CTX); enterOwner = this.arena; }
    // two 32-bit halves: no BigInt per entry (addresses and the budget are below 2^53)
    ai32[(CTX + CTX_TRACE) >> 2] = tr.address % 4294967296; ai32[((CTX + CTX_TRACE) >> 2) + 1] = Math.floor(tr.address / 4294967296);
    // with a sandbox budget a trace run counts like half an interval of back-edges (the VM
    // calls the budget hook after it)
    const eb = L.hooks.budget ? Math.min(this.entryBudget, Math.max(1, L.budgetInterval >> 1)) : this.entryBudget;
    ai32[(CTX + CTX_USER) >> 2] = eb; ai32[((CTX + CTX_USER) >> 2) + 1] = 0;
    const exit = this.enter();
    const written = tr.written;
    for (let k = 0; k < written.length; k++) {
      const s = written[k]! * 4;
      i32[frame + s] = ai32[win + s]!; i32[frame + s + 1] = ai32[win + s + 1]!; i32[frame + s + 2] = ai32[win + s + 2]!;
    }
    tr.entries++;
    // An entry (slot copies, identity checks, enter()) costs about as much as several
    // interpreted iterations: a loop whose runs are a few iterations long (fannkuch's swaps)
    // is left to the interpreter, entered only as a sample every coldWait back-edges, until
    // a sample runs long again (mandelbrot's first rows escape at once).
    const iters = eb - ai32[(CTX + CTX_USER) >> 2]!;
    tr.winEntries++;
    tr.winIters += iters;
    if (tr.cold && iters >= LONG_RUN) {
      // a sample ran long: the runs got longer, enter at every back-edge again
      tr.cold = false;
      tr.coldWait = COLD_WAIT;
      this.log(`${tr.id} warm: an entry ran ${iters} iterations`);
      tr.winEntries = 0; tr.winIters = 0;
    } else if (tr.winEntries === WINDOW_ENTRIES) {
      const cold = tr.winIters < SHORT_RUN * WINDOW_ENTRIES;
      if (cold && !tr.cold) this.log(`${tr.id} cold: ${tr.winIters} iterations in ${WINDOW_ENTRIES} entries`);
      tr.cold = cold;
      tr.winEntries = 0; tr.winIters = 0;
    }
    tr.exitCounts[exit]!++;
    if ((tr.exitKinds[exit] === 'guard' || tr.exitKinds[exit] === 'div') && !tr.sideTried[exit] && tr.exitCounts[exit]! >= this.hotexit) {
      tr.sideTried[exit] = true;
      this.compileSide(tr, exit);
    }
    const kind = tr.exitKinds[exit];
    if (this.opts.verbose && this.exitLogged < 50 && tr.exitCounts[exit] === 1) {
      this.exitLogged++;
      this.log(`${tr.id} exit ${exit} (${kind}) pc ${tr.exitPcs[exit]! + 1}`);
    }
    // No side traces yet: a trace whose guard exits keep bouncing back into the same run of
    // the loop (the interpreter finishes the iteration and re-enters at the next one) costs
    // an entry per iteration, more than it saves. Detected on integer loops through the
    // count slot; over half the entries bouncing after 256 entries sends the loop back to
    // the interpreter for good. (A guard that leaves the loop, like a `break`, is fine.)
    if (tr.stepSign === 0 && tr.stepSlot >= 0) {
      tr.lastExitCount = kind === 'guard' || kind === 'div' ? ai32[win + (tr.stepSlot - 1) * 4]! : NO_COUNT;
      if (tr.entries >= 256 && tr.bounces * 2 > tr.entries) {
        st.trace = null;
        st.blacklisted = true;
        this.log(`${tr.id} flush: ${tr.bounces} of ${tr.entries} entries re-entered after a guard exit`);
      }
    }
    return tr.exitPcs[exit]!;
  }

  private dump(tr: Trace, P: { code: Int32Array; lineInfo: Int32Array }, pc: number, forPc: number, lir: LirBuffer, code: Uint8Array): void {
    const out: string[] = [`---- TRACE ${tr.id} bytecode`];
    for (let p = pc; p <= forPc; p++) {
      const i = P.code[p]!;
      out.push(`${String(p + 1).padStart(4, '0')} [${P.lineInfo[p]}] ${BC_NAMES[i & 0x7f]} ${(i >>> 7) & 0xff} ${(i >>> 16) & 0xff} ${i >>> 24}`);
    }
    out.push(`---- TRACE ${tr.id} LIR`, printLir(lir));
    out.push(`---- TRACE ${tr.id} mcode ${code.length}`, listing(code, tr.address));
    this.L.stderr(out.join('\n') + '\n');
  }
}

/** Attaches a JIT to L if `opts` and the machine allow it; returns it (or null). */
export function attachJit(L: LuaState, opts: JitOptions): Jit | null {
  const enabled = opts.enabled ?? JIT_DEFAULT_ON;
  if (!enabled || jitUnavailable() !== '') return null;
  const jit = new Jit(L, opts);
  L.hooks.hotLoop = (protoRef: number, pc: number, hot: Int32Array, idx: number) => jit.hotLoop(protoRef, pc, hot, idx);
  return jit;
}

export { Tag };
