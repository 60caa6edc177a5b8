// The recorder: turns one iteration of a hot numeric `for` loop into LIR.
//
// Design choice (documented in jit/README.md): the recorder does not hook the interpreter
// loop. When a loop gets hot it *dry-runs* one iteration itself, on shadow copies of the
// slots it touches, starting from the real state at the loop's body. Each bytecode of the
// supported subset computes its real result (int64 wrap-around with BigInt, doubles in JS,
// which are the same IEEE operations) and emits LIR specialised to the types it sees;
// conditional branches become guards on the direction taken. Nothing is written to the Lua
// stack, so an abort simply leaves the interpreter where it was.
import { Tag } from '../lang/heap/tags.js';
import { Op, OP_NAMES as BC_NAMES, Fmt } from '../lang/vm/opcodes.js';
import {
  LirBuffer, TraceAbort, L_ADDD, L_ADDQ, L_DIVD, L_DIVQ, L_EQD, L_EQQ, L_I2D, L_JLOOP, L_LDD,
  L_LDQ, L_LED, L_LEQ, L_LOOP, L_LTD, L_LTQ, L_MODQ, L_MULD, L_MULQ, L_NEGD, L_NEGQ, L_STD,
  L_STQ, L_SUBD, L_SUBQ, L_XDIVQ, L_XF, L_XT, L_XZQ, L_BUDGET, L_FLOORD, L_XTAG, L_JROOT, L_STO, L_ABSQ, L_SQRTD, L_ABSD, L_LABEL, L_JZQ, L_JMP, L_IMMQ, L_CEILD, L_XD2Q,
  L_LDT, L_ASIZE, L_AREF, L_LDTAG, L_LDAQ, L_LDAD, L_STAQ, L_STAD,
} from './lir.js';
import { LirWriter } from './opt.js';
import { Layout } from '../lang/heap/layout.js';

/** What the recorder needs from the VM: the frame's slots and the proto's constants. */
export interface RecordInput {
  code: Int32Array;
  i32: Int32Array;
  f64: Float64Array;
  /** byte offset of the frame's slot 0 (R[0]) in the arena */
  frame: number;
  /** byte offset of the proto's constant TValues */
  consts: number;
  /** first pc of the loop body: the trace is the code from here until it gets back here */
  startPc: number;
  /** last pc of the loop: its FORLOOP (numeric for), or its last backward JMP to startPc
   *  (while/repeat loops, isFor false) */
  forPc: number;
  isFor: boolean;
  maxStack: number;
  sse41: boolean;
  /** byte offset of the TValue of the running closure's upvalue k */
  upvalPtr: (k: number) => number;
  /** side trace: where recording starts (a root exit's pc) and the root's entry types, which
   *  must hold again when the side trace jumps to the root's loop head */
  side?: { entryPc: number; rootEntryTags: Map<number, number> };
  /** raw table lookup with a string key: pointer to the value TValue */
  getStr: (table: number, strId: number) => number;
  /** the state's own math functions by ref -> name (inlined when a CALL reaches them) */
  mathFns: Map<number, string>;
  /** the heap arena is native memory the trace can read (array-part reads of tables) */
  tables: boolean;
}

/** A lookup the trace did at record time and inlines as a constant: checked again at each
 *  entry (a trace stores into no table and calls nothing, so it cannot change them itself).
 *  `upval` >= 0: in the table held by that upvalue; else in table `table`. */
export interface ConstLookup { upval: number; table: number; key: number; tag: number; ref: number; hi: number }

/** Upvalue k is read from window slot UPVAL_SLOT0 + k, filled at each entry: the trace never
 *  writes upvalues or anything outside its frame, so their values are invariant while it runs. */
export const UPVAL_SLOT0 = 256;

export interface RecordedTrace {
  lir: LirBuffer;
  writer: LirWriter;
  /** slot -> tag the trace expects at entry (slots read before written) */
  entryTags: Map<number, number>;
  /** slots the trace may write */
  written: number[];
  /** every slot the trace reads or writes */
  touched: number[];
  /** float for-loop: the sign the step must have at entry (+1/-1), 0 for integer loops */
  stepSign: number;
  /** the for loop's base slot, -1 for while/repeat loops */
  forA: number;
  lookups: ConstLookup[];
  /** upvalue index -> tag the trace expects */
  upvals: Map<number, number>;
}

const MASK64 = (1n << 64n) - 1n;
const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

function nyi(what: string): never {
  throw new TraceAbort(`NYI: ${what}`);
}

export function recordLoop(inp: RecordInput): RecordedTrace {
  const { code, i32, f64, frame, consts } = inp;
  const buf = new LirBuffer();
  const real = new LirWriter(buf);
  /** While the rest of an inner loop's iterations are dry-run (values only), emission goes
   *  nowhere. */
  const dryW = new (class extends LirWriter {
    override ins(): number { return 0; }
    override immq(): number { return 0; }
    override immd(): number { return 0; }
  })(new LirBuffer());
  let w: LirWriter = real;
  let dry = false;
  /** slots whose type the recorder tracks (read or written so far) */
  const known = new Set<number>();
  interface Inner {
    A: number; bodyPc: number; forloopPc: number; head: number; after: number;
    dirs: Map<number, boolean>; reads: Map<number, number>; writes: Set<number>; dryIters: number;
    /** pc -> tag of the table element read there on the recorded trip */
    elemTags: Map<number, number>;
  }
  let inner: Inner | null = null;
  let nlabels = 0;
  /** After a label no SSA value may be used (nothing lives across labels): reload slots. */
  const invalidate = (): void => { ref.fill(-1); upRef.clear(); };
  const nslots = inp.maxStack + 4;
  const ref = new Int32Array(nslots).fill(-1);
  const tag = new Int32Array(nslots);
  const qv: bigint[] = new Array<bigint>(nslots).fill(0n);
  const dv = new Float64Array(nslots);
  const entryTags = new Map<number, number>();
  const written = new Set<number>();
  const lookups: ConstLookup[] = [];
  /** slots holding an object constant of this trace: slot -> [tag, ref] */
  const objs = new Map<number, [number, number]>();
  const upvals = new Map<number, number>();
  const upRef = new Map<number, Val>();
  function readUpval(k: number): Val {
    const got = upRef.get(k);
    if (got) return got;
    const p = inp.upvalPtr(k) >> 2;
    const t = i32[p + 2]!;
    let v: Val;
    if (t === Tag.Int) v = { r: w.ins(L_LDQ, UPVAL_SLOT0 + k, 0), t, q: wrap((BigInt(i32[p + 1]!) << 32n) | BigInt(i32[p]! >>> 0)), d: 0 };
    else if (t === Tag.Float) v = { r: w.ins(L_LDD, UPVAL_SLOT0 + k, 0), t, q: 0n, d: f64[p >> 1]! };
    else return nyi('non-number upvalue');
    upvals.set(k, t);
    upRef.set(k, v);
    return v;
  }
  const touched = new Set<number>();

  const forA = inp.isFor ? (code[inp.forPc]! >>> 7) & 0xff : -1;
  if (forA + 3 >= nslots) nyi('for slots beyond the frame');

  let nsnap = 0;
  const snap = (pc: number, kind: 'guard' | 'loopend' | 'budget' | 'div'): number => {
    if (dry) return 0;
    nsnap++;
    return buf.snapshot({ pc, kind });
  };

  /** Reads slot s: its LIR ref, loading (and noting the entry type) on first use. A table
   *  (only where `table` is set: an indexed table) is its ref, its shadow value in qv. */
  function read(s: number, table = false): number {
    if (s >= nslots) nyi('slot beyond the frame');
    touched.add(s);
    if (objs.has(s)) nyi('arithmetic on a table or function');
    if (known.has(s) && (tag[s] === Tag.Table) !== table) nyi(table ? 'index of a number' : 'arithmetic on a table');
    if (ref[s]! >= 0) return ref[s]!;
    if (known.has(s)) {
      // reloaded after a label: its type is the one the recorder tracked
      ref[s] = w.ins(tag[s] === Tag.Int ? L_LDQ : tag[s] === Tag.Float ? L_LDD : L_LDT, s, 0);
      noteInnerRead(s);
      return ref[s]!;
    }
    known.add(s);
    const p = (frame + s * 16) >> 2;
    const t = i32[p + 2]!;
    // a side trace checks the type itself: the root's entry check did not cover this slot
    if (inp.side && (t === Tag.Int || t === Tag.Float || (table && t === Tag.Table))) w.ins(L_XTAG, s * 16 + t, snap(inp.side.entryPc, 'guard'));
    if (t === Tag.Int) {
      qv[s] = (BigInt(i32[p + 1]!) << 32n) | BigInt(i32[p]! >>> 0);
      ref[s] = w.ins(L_LDQ, s, 0);
    } else if (t === Tag.Float) {
      dv[s] = f64[p >> 1]!;
      ref[s] = w.ins(L_LDD, s, 0);
    } else if (t === Tag.Table && table) {
      qv[s] = BigInt(i32[p]!);
      ref[s] = w.ins(L_LDT, s, 0);
    } else nyi(`${t === Tag.Nil ? 'nil' : t <= Tag.True ? 'boolean' : 'non-number'} value in slot ${s}`);
    tag[s] = t;
    entryTags.set(s, t);
    noteInnerRead(s);
    return ref[s]!;
  }
  /** Slots an inner loop reads before writing must keep their type across its iterations. */
  function noteInnerRead(s: number): void {
    if (inner && !dry && !inner.writes.has(s) && !inner.reads.has(s)) inner.reads.set(s, tag[s]!);
  }

  function writeQ(s: number, r: number, v: bigint): void {
    if (s >= nslots) nyi('slot beyond the frame');
    touched.add(s); written.add(s); objs.delete(s); known.add(s);
    if (inner && !dry) inner.writes.add(s);
    ref[s] = r; tag[s] = Tag.Int; qv[s] = wrap(v);
    w.ins(L_STQ, s, r);
  }
  function writeObj(s: number, t: number, r: number): void {
    if (s >= nslots) nyi('slot beyond the frame');
    touched.add(s); written.add(s); known.delete(s);
    if (inner) nyi('table or function value inside an inner loop');
    ref[s] = -1; tag[s] = t; objs.set(s, [t, r]);
    w.ins(L_STO, s * 16 + t, r);
  }
  /** A constant-key lookup whose result the trace bakes in. */
  function lookup(upval: number, table: number, keyK: number, a: number): void {
    const kp = (consts + keyK * 16) >> 2;
    if (i32[kp + 2] !== Tag.Str) nyi('non-string field key');
    const key = i32[kp]!;
    const v = inp.getStr(table, key) >> 2;
    const t = i32[v + 2]!;
    lookups.push({ upval, table, key, tag: t, ref: i32[v]!, hi: i32[v + 1]! });
    if (t === Tag.Int) { const q = wrap((BigInt(i32[v + 1]!) << 32n) | BigInt(i32[v]! >>> 0)); writeQ(a, w.immq(q), q); }
    else if (t === Tag.Float) { const d = f64[v >> 1]!; writeD(a, w.immd(d), d); }
    else if (t === Tag.Table || t === Tag.HFunc) writeObj(a, t, i32[v]!);
    else nyi('field that is not a number, table or host function');
  }
  function writeD(s: number, r: number, v: number): void {
    if (s >= nslots) nyi('slot beyond the frame');
    touched.add(s); written.add(s); objs.delete(s); known.add(s);
    if (inner && !dry) inner.writes.add(s);
    ref[s] = r; tag[s] = Tag.Float; dv[s] = v;
    w.ins(L_STD, s, r);
  }

  /** Elements stored by this recording (byte offset -> value): the dry run writes nothing to
   *  the heap, so later reads of the same element see these. */
  const stored = new Map<number, { t: number; q: bigint; d: number }>();
  /** t[key] for the table in slot ts and an integer key inside its array part: emits the
   *  bounds guards and the element's address; returns it with the element's shadow value and
   *  the snapshot its guards use (resuming at this instruction). */
  function element(ts: number, key: Val, here: number): { r: number; g: number; p: number; t: number; q: bigint; d: number } {
    if (!inp.tables) nyi('table access (the heap is not in native memory)');
    if (objs.has(ts)) nyi('index of a table looked up by this trace');
    const tr = read(ts, true);
    if (key.t !== Tag.Int) nyi('table key that is not an integer');
    const t = Number(qv[ts]!);
    const asize = i32[(t + Layout.T_ASIZE) >> 2]!;
    if (key.q < 1n || key.q > BigInt(asize)) nyi('table access outside the array part');
    const p = i32[(t + Layout.T_ARRAY) >> 2]! + Number(key.q - 1n) * 16;
    const sv = stored.get(p);
    const et = sv ? sv.t : i32[(p >> 2) + 2]!;
    if (inner) {
      // the dry-run trips must see what the machine code was recorded for
      if (!dry) inner.elemTags.set(here, et);
      else if (inner.elemTags.get(here) !== et) throw new TraceAbort('inner loop meets another type in a table');
    }
    const g = snap(here, 'guard');
    w.ins(L_XT, w.ins(L_LEQ, w.immq(1n), key.r), g);
    w.ins(L_XT, w.ins(L_LEQ, key.r, w.ins(L_ASIZE, tr, 0)), g);
    const r = w.ins(L_AREF, tr, key.r);
    const q = sv ? sv.q : (BigInt(i32[(p >> 2) + 1]!) << 32n) | BigInt(i32[p >> 2]! >>> 0);
    return { r, g, p, t: et, q: BigInt.asIntN(64, q), d: sv ? sv.d : f64[p >> 3]! };
  }

  /** An operand: ref, tag and value. K operands come from the constant table. */
  interface Val { r: number; t: number; q: bigint; d: number }
  const slotVal = (s: number): Val => { const r = read(s); return { r, t: tag[s]!, q: qv[s]!, d: dv[s]! }; };
  /** An integer FORLOOP's step as the interpreter takes it: the unsigned count one less and
   *  the index (and its copy in A+3) advanced by the step, both with 64-bit wrap. */
  function stepIntFor(A: number, idx: Val, cnt: Val, step: Val): void {
    const nc = BigInt.asIntN(64, (BigInt.asUintN(64, cnt.q) - 1n) & MASK64);
    writeQ(A + 1, w.ins(L_SUBQ, cnt.r, w.immq(1n)), nc);
    const ni = w.ins(L_ADDQ, idx.r, step.r);
    const nv = wrap(idx.q + step.q);
    writeQ(A, ni, nv);
    writeQ(A + 3, ni, nv);
  }
  function kVal(k: number): Val {
    const p = (consts + k * 16) >> 2;
    const t = i32[p + 2]!;
    if (t === Tag.Int) {
      const q = (BigInt(i32[p + 1]!) << 32n) | BigInt(i32[p]! >>> 0);
      return { r: w.immq(q), t, q: wrap(q), d: 0 };
    }
    if (t === Tag.Float) { const d = f64[p >> 1]!; return { r: w.immd(d), t, q: 0n, d }; }
    return nyi('non-numeric constant');
  }
  const intVal = (v: number): Val => ({ r: w.immq(BigInt(v)), t: Tag.Int, q: BigInt(v), d: 0 });
  const toD = (x: Val): [number, number] => (x.t === Tag.Float ? [x.r, x.d] : [w.ins(L_I2D, x.r, 0), Number(x.q)]);


  /** Arithmetic with Lua's rules for two numbers; writes R[a]. `pc` is the instruction's own
   *  pc (where a divisor exit resumes). */
  function arith(op: number, a: number, x: Val, y: Val, pc: number): void {
    if (x.t === Tag.Int && y.t === Tag.Int && op !== Op.DIV && op !== Op.POW) {
      let o: number, v: bigint;
      switch (op) {
        case Op.ADD: o = L_ADDQ; v = x.q + y.q; break;
        case Op.SUB: o = L_SUBQ; v = x.q - y.q; break;
        case Op.MUL: o = L_MULQ; v = x.q * y.q; break;
        case Op.MOD: case Op.IDIV: {
          if (y.q === 0n || y.q === -1n) nyi('integer division by 0 or -1');
          const g = w.ins(L_XDIVQ, y.r, snap(pc, 'div'));
          void g;
          const m = x.q % y.q;
          if (op === Op.MOD) { o = L_MODQ; v = m !== 0n && (m ^ y.q) < 0n ? m + y.q : m; }
          else { o = L_DIVQ; const q = x.q / y.q; v = m !== 0n && (x.q ^ y.q) < 0n ? q - 1n : q; }
          break;
        }
        default: return nyi(`integer ${BC_NAMES[op]}`);
      }
      writeQ(a, w.ins(o, x.r, y.r), v);
      return;
    }
    const [xr, xd] = toD(x), [yr, yd] = toD(y);
    switch (op) {
      case Op.ADD: writeD(a, w.ins(L_ADDD, xr, yr), xd + yd); return;
      case Op.SUB: writeD(a, w.ins(L_SUBD, xr, yr), xd - yd); return;
      case Op.MUL: writeD(a, w.ins(L_MULD, xr, yr), xd * yd); return;
      case Op.DIV: writeD(a, w.ins(L_DIVD, xr, yr), xd / yd); return;
      case Op.IDIV:
        if (!inp.sse41) nyi('float // without SSE4.1');
        writeD(a, w.ins(L_FLOORD, w.ins(L_DIVD, xr, yr), 0), Math.floor(xd / yd));
        return;
      default: return nyi(`float ${BC_NAMES[op]}`);
    }
  }

  /** A comparison x <op> y observed as `res`: emits the guard and returns the next pc. */
  function compare(cmp: 'eq' | 'lt' | 'le', x: Val, y: Val, k: number, pc: number): number {
    // pc is the index of the JMP that follows the comparison
    const j = code[pc]!;
    if ((j & 0x7f) !== Op.JMP) nyi('comparison without JMP');
    const target = pc + 1 + ((j >>> 7) - Fmt.OFFSET_sJ);
    let o: number, res: boolean;
    if (x.t === Tag.Int && y.t === Tag.Int) {
      o = cmp === 'eq' ? L_EQQ : cmp === 'lt' ? L_LTQ : L_LEQ;
      res = cmp === 'eq' ? x.q === y.q : cmp === 'lt' ? x.q < y.q : x.q <= y.q;
    } else if (x.t === Tag.Float && y.t === Tag.Float) {
      o = cmp === 'eq' ? L_EQD : cmp === 'lt' ? L_LTD : L_LED;
      res = cmp === 'eq' ? x.d === y.d : cmp === 'lt' ? x.d < y.d : x.d <= y.d;
    } else {
      // an integer and a float: exact as doubles while the integer is within +-2^53 (guarded;
      // outside that range the interpreter compares, resuming at the comparison)
      const [ix, fx] = x.t === Tag.Int ? [x, y] : [y, x];
      if (ix.q > 2n ** 53n || ix.q < -(2n ** 53n)) nyi('comparison of a large integer with a float');
      const cmpPc = pc - 1;
      w.ins(L_XT, w.ins(L_LEQ, ix.r, w.immq(2n ** 53n)), snap(cmpPc, 'guard'));
      w.ins(L_XT, w.ins(L_LEQ, w.immq(-(2n ** 53n)), ix.r), snap(cmpPc, 'guard'));
      const cv = (v: Val): Val => (v === ix ? { r: w.ins(L_I2D, ix.r, 0), t: Tag.Float, q: 0n, d: Number(ix.q) } : fx);
      void fx;
      return compare(cmp, cv(x), cv(y), k, pc);
    }
    const taken = (res ? 1 : 0) === k; // the JMP runs
    if (inner) {
      // the dry-run iterations must follow the path the machine code was recorded for
      if (!dry) inner.dirs.set(pc, res);
      else if (inner.dirs.get(pc) !== res) throw new TraceAbort('inner loop takes another path');
    }
    const next = taken ? target : pc + 1;
    const other = taken ? pc + 1 : target;
    const c = w.ins(o, x.r, y.r);
    w.ins(res ? L_XT : L_XF, c, snap(other, 'guard'));
    return next;
  }

  /** The loop's back-edge: budget check, jump to the loop head (or the root's), and the
   *  checks that make the trace valid for its next iteration. */
  function close(): RecordedTrace {
    w.ins(L_BUDGET, 0, snap(inp.startPc, 'budget'));
    w.ins(inp.side ? L_JROOT : L_JLOOP, 0, 0);
    if (inp.side) {
      for (const [s, t] of inp.side.rootEntryTags) {
        if (written.has(s) && tag[s] !== t) nyi(`slot ${s} has another type than the root trace expects`);
      }
    }
    // type stability: every slot read at entry must have the same type at the back-edge
    for (const [s, t] of entryTags) {
      if (tag[s] !== t) nyi(`slot ${s} changes type in the loop`);
    }
    const stepTag = forA >= 0 ? entryTags.get(forA + 2) : undefined;
    let stepSign = 0;
    if (stepTag === Tag.Float) stepSign = dv[forA + 2]! > 0 ? 1 : -1;
    void nsnap;
    return {
      lir: buf, writer: w, entryTags, written: [...written].sort((x, y) => x - y),
      touched: [...touched].sort((x, y) => x - y), stepSign, forA, upvals, lookups,
    };
  }

  if (!inp.side) w.ins(L_LOOP, 0, 0);
  let pc = inp.side ? inp.side.entryPc : inp.startPc;
  let steps = 0;
  for (;;) {
    if (++steps > 10000) nyi('iteration too long');
    if (pc < inp.startPc || pc > inp.forPc) throw new TraceAbort('leaves the loop');
    // back at the start (FORLOOP, a while loop's JMP, a repeat loop's test): the loop closes
    if (pc === inp.startPc && steps > 1 && !inner) return close();
    const i = code[pc]!;
    const op = i & 0x7f;
    const a = (i >>> 7) & 0xff;
    const b = (i >>> 16) & 0xff;
    const c = i >>> 24;
    const here = pc;
    pc++;
    switch (op) {
      case Op.MOVE: {
        const x = slotVal(b);
        if (x.t === Tag.Int) writeQ(a, x.r, x.q); else writeD(a, x.r, x.d);
        break;
      }
      case Op.GETUPVAL: {
        const x = readUpval(b);
        if (x.t === Tag.Int) writeQ(a, x.r, x.q); else writeD(a, x.r, x.d);
        break;
      }
      case Op.GETTABUP: {
        const up = inp.upvalPtr(b) >> 2;
        if (i32[up + 2] !== Tag.Table) nyi('GETTABUP on a non-table');
        lookup(b, i32[up]!, c, a);
        break;
      }
      case Op.GETFIELD: {
        const o = objs.get(b);
        if (!o || o[0] !== Tag.Table) nyi('GETFIELD on a table not looked up by this trace');
        lookup(-1, o[1], c, a);
        break;
      }
      case Op.CALL: {
        const o = objs.get(a);
        if (!o || o[0] !== Tag.HFunc || (b !== 2 && b !== 3) || c !== 2) nyi('CALL');
        const name = inp.mathFns.get(o[1]);
        if (name === undefined) nyi('CALL of a host function other than math.sqrt/abs/floor/ceil/min/max');
        if ((b === 3) !== (name === 'min' || name === 'max')) nyi(`math.${name} with ${b - 1} arguments`);
        const x = slotVal(a + 1);
        if (name === 'sqrt') {
          const [xr, xd] = toD(x);
          writeD(a, w.ins(L_SQRTD, xr, 0), Math.sqrt(xd));
        } else if (name === 'abs') {
          if (x.t === Tag.Int) writeQ(a, w.ins(L_ABSQ, x.r, 0), x.q < 0n ? -x.q : x.q);
          else writeD(a, w.ins(L_ABSD, x.r, 0), Math.abs(x.d));
        } else if (name === 'floor' || name === 'ceil') {
          if (x.t === Tag.Int) { writeQ(a, x.r, x.q); break; }
          if (!inp.sse41) nyi(`math.${name} without SSE4.1`);
          const f = name === 'floor' ? Math.floor(x.d) : Math.ceil(x.d);
          // an integer when the result fits (as lmathlib's pushnumint); the guard sends other
          // values (and -2^63 itself) back to the interpreter at this CALL
          if (!(f > -9223372036854775808 && f < 9223372036854775808)) nyi(`math.${name} result out of integer range`);
          const fr = w.ins(name === 'floor' ? L_FLOORD : L_CEILD, x.r, 0);
          writeQ(a, w.ins(L_XD2Q, fr, snap(here, 'guard')), BigInt(f));
        } else {
          // min/max of two numbers of one type: the argument picked, guarded on the comparison
          // lmathlib makes (max: first < second picks second; min: second < first picks second)
          const y = slotVal(a + 2);
          if (x.t !== y.t) nyi(`math.${name} of an integer and a float`);
          const [l, r] = name === 'max' ? [x, y] : [y, x];
          const lt = x.t === Tag.Int ? l.q < r.q : l.d < r.d;
          const cr = w.ins(x.t === Tag.Int ? L_LTQ : L_LTD, l.r, r.r);
          w.ins(lt ? L_XT : L_XF, cr, snap(here, 'guard'));
          const pick = lt ? y : x;
          if (pick.t === Tag.Int) writeQ(a, pick.r, pick.q); else writeD(a, pick.r, pick.d);
        }
        break;
      }
      case Op.GETTABLE: case Op.GETI: {
        // a number in the array part: bounds and element tag guarded, no metatable involved
        // (a non-nil raw hit never consults __index)
        const e = element(b, op === Op.GETI ? intVal(c) : slotVal(c), here);
        if (e.t !== Tag.Int && e.t !== Tag.Float) nyi('table value that is not a number');
        w.ins(L_XT, w.ins(L_EQQ, w.ins(L_LDTAG, e.r, 0), w.immq(BigInt(e.t))), e.g);
        if (e.t === Tag.Int) writeQ(a, w.ins(L_LDAQ, e.r, 0), e.q);
        else writeD(a, w.ins(L_LDAD, e.r, 0), e.d);
        break;
      }
      case Op.SETTABLE: case Op.SETI: {
        // a number over a non-nil element of the array part: a raw set (__newindex is only
        // for absent keys), and numbers need no GC barrier
        const e = element(a, op === Op.SETI ? intVal(b) : slotVal(b), here);
        if (e.t === Tag.Nil) nyi('table store into a nil element');
        const v = ((i >>> 15) & 1) ? kVal(c) : slotVal(c);
        w.ins(L_XF, w.ins(L_EQQ, w.ins(L_LDTAG, e.r, 0), w.immq(BigInt(Tag.Nil))), e.g);
        w.ins(v.t === Tag.Int ? L_STAQ : L_STAD, e.r, v.r);
        stored.set(e.p, { t: v.t, q: v.q, d: v.d });
        break;
      }
      case Op.LOADI: { const v = (i >>> 15) - Fmt.OFFSET_sBx; writeQ(a, w.immq(BigInt(v)), BigInt(v)); break; }
      case Op.LOADF: { const v = (i >>> 15) - Fmt.OFFSET_sBx; writeD(a, w.immd(v), v); break; }
      case Op.LOADK: {
        const k = kVal(i >>> 15);
        if (k.t === Tag.Int) writeQ(a, k.r, k.q); else writeD(a, k.r, k.d);
        break;
      }
      case Op.ADD: case Op.SUB: case Op.MUL: case Op.MOD: case Op.DIV: case Op.IDIV:
        arith(op, a, slotVal(b), slotVal(c), here);
        pc++; // the MMBIN after it runs only when an operand is not a number
        break;
      case Op.ADDK: case Op.SUBK: case Op.MULK: case Op.MODK: case Op.DIVK: case Op.IDIVK:
        arith(op - Op.ADDK + Op.ADD, a, slotVal(b), kVal(c), here);
        pc++;
        break;
      case Op.ADDI:
        arith(Op.ADD, a, slotVal(b), intVal(c - Fmt.OFFSET_sC), here);
        pc++;
        break;
      case Op.UNM: {
        const x = slotVal(b);
        if (x.t === Tag.Int) writeQ(a, w.ins(L_NEGQ, x.r, 0), -x.q);
        else writeD(a, w.ins(L_NEGD, x.r, 0), -x.d);
        break;
      }
      case Op.EQ: case Op.LT: case Op.LE:
        pc = compare(op === Op.EQ ? 'eq' : op === Op.LT ? 'lt' : 'le', slotVal(a), slotVal(b), (i >>> 15) & 1, pc);
        break;
      case Op.EQK: {
        const x = slotVal(a), y = kVal(b);
        pc = compare('eq', x, y, (i >>> 15) & 1, pc);
        break;
      }
      case Op.EQI: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI: {
        const x = slotVal(a);
        const imm = b - Fmt.OFFSET_sC;
        const y: Val = x.t === Tag.Float ? { r: w.immd(imm), t: Tag.Float, q: 0n, d: imm } : intVal(imm);
        const k = (i >>> 15) & 1;
        if (op === Op.EQI) pc = compare('eq', x, y, k, pc);
        else if (op === Op.LTI) pc = compare('lt', x, y, k, pc);
        else if (op === Op.LEI) pc = compare('le', x, y, k, pc);
        else if (op === Op.GTI) pc = compare('lt', y, x, k, pc);
        else pc = compare('le', y, x, k, pc);
        break;
      }
      case Op.TEST: {
        slotVal(a); // numbers only: always true
        if (((i >>> 15) & 1) === 0) pc++;
        break;
      }
      case Op.JMP: {
        const sj = (i >>> 7) - Fmt.OFFSET_sJ;
        pc += sj;
        if (sj < 0 && pc !== inp.startPc) nyi('inner loop (backward JMP)');
        break;
      }
      case Op.FORPREP: {
        if (inp.side || inner) nyi('FORPREP');
        const x0 = slotVal(a), lim = slotVal(a + 1), st = slotVal(a + 2);
        if (x0.t !== Tag.Int || lim.t !== Tag.Int || st.t !== Tag.Int) nyi('inner loop that is not integer');
        if (buf.op[st.r] !== L_IMMQ || st.q !== 1n) nyi('inner loop with a step other than constant 1');
        if (x0.q > lim.q) nyi('inner loop skipped while recording');
        const forloopPc = here + 1 + (i >>> 15);
        if (forloopPc >= inp.forPc || ((code[forloopPc]! & 0x7f) !== Op.FORLOOP)) nyi('inner loop shape');
        // skip check (exit before the FORPREP ran: the interpreter redoes it), count, copy
        w.ins(L_XT, w.ins(L_LEQ, x0.r, lim.r), snap(here, 'guard'));
        writeQ(a + 1, w.ins(L_SUBQ, lim.r, x0.r), lim.q - x0.q);
        writeQ(a + 3, x0.r, x0.q);
        inner = {
          A: a, bodyPc: pc, forloopPc, head: nlabels++, after: nlabels++,
          dirs: new Map(), reads: new Map(), writes: new Set(), dryIters: 0, elemTags: new Map(),
        };
        invalidate();
        w.ins(L_LABEL, inner.head, 0);
        break;
      }
      case Op.FORLOOP: {
        if (inner && here === inner.forloopPc) {
          const A = inner.A;
          const idx = slotVal(A), cnt = slotVal(A + 1), step = slotVal(A + 2);
          if (idx.t !== Tag.Int || cnt.t !== Tag.Int || step.t !== Tag.Int) nyi('inner loop slots change type');
          if (!dry) w.ins(L_JZQ, cnt.r, inner.after);
          const done = cnt.q === 0n;
          if (done && !dry) {
            // recorded on the last trip: the machine code still needs the update for runs
            // with more trips (emitted without touching the shadow values)
            const c1 = w.ins(L_SUBQ, cnt.r, w.immq(1n));
            w.ins(L_STQ, A + 1, c1);
            const i1 = w.ins(L_ADDQ, idx.r, step.r);
            w.ins(L_STQ, A, i1);
            w.ins(L_STQ, A + 3, i1);
          }
          if (!done) stepIntFor(A, idx, cnt, step);
          if (!dry) {
            w.ins(L_BUDGET, 0, snap(inner.bodyPc, 'budget'));
            w.ins(L_JMP, 0, inner.head);
          }
          // the inner loop's own type stability
          for (const [s2, t2] of inner.reads) if (tag[s2] !== t2) nyi(`slot ${s2} changes type in an inner loop`);
          if (done) {
            dry = false; w = real;
            invalidate();
            w.ins(L_LABEL, inner.after, 0);
            inner = null;
            pc = here + 1;
          } else {
            if (!dry) { dry = true; w = dryW; }
            if (++inner.dryIters > 1000) throw new TraceAbort('inner loop too long to record');
            pc = inner.bodyPc;
          }
          break;
        }
        if (here !== inp.forPc || !inp.isFor) nyi('inner FORLOOP');
        if (inner) nyi('loop end inside an inner loop');
        const idx = slotVal(forA);
        if (idx.t === Tag.Int) {
          const cnt = slotVal(forA + 1), step = slotVal(forA + 2);
          if (cnt.t !== Tag.Int || step.t !== Tag.Int) nyi('mixed for-loop slots');
          if (cnt.q === 0n) throw new TraceAbort('loop ends while recording');
          w.ins(L_XZQ, cnt.r, snap(here + 1, 'loopend'));
          stepIntFor(forA, idx, cnt, step);
        } else {
          const lim = slotVal(forA + 1), step = slotVal(forA + 2);
          if (lim.t !== Tag.Float || step.t !== Tag.Float) nyi('mixed for-loop slots');
          const nv = idx.d + step.d;
          const ni = w.ins(L_ADDD, idx.r, step.r);
          const up = step.d > 0;
          const cont = up ? nv <= lim.d : lim.d <= nv;
          if (!cont) throw new TraceAbort('loop ends while recording');
          const cr = up ? w.ins(L_LED, ni, lim.r) : w.ins(L_LED, lim.r, ni);
          w.ins(L_XT, cr, snap(here + 1, 'loopend'));
          writeD(forA, ni, nv);
          writeD(forA + 3, ni, nv);
        }
        pc = inp.startPc;
        break;
      }
      default:
        nyi(BC_NAMES[op] ?? `opcode ${op}`);
    }
  }
}
