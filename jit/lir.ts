// LIR: the trace's linear SSA code (DESIGN §6), nanojit vocabulary. One table below defines
// every opcode: the enum values, the names -jdump prints, the result type and the operand
// modes all come from it, so adding an opcode is one line.
//
// Instructions live in typed arrays (op, a, b); an instruction's index is its ref. Constants
// are instructions too (immq/immd) with the value in side arrays, so every ref is an index.
// Writers (fold, CSE) sit in front of the buffer; see jit/opt.ts.

/** Result types. */
export const T_VOID = 0, T_INT = 1, T_NUM = 2;
/** Operand modes: none, a ref, a plain number (slot, exit, pc). */
const M_NONE = 0, M_REF = 1, M_LIT = 2;

// name, result type, mode of a, mode of b, pure (foldable/CSE-able)
const TABLE: readonly (readonly [string, number, number, number, boolean])[] = [
  ['nop', T_VOID, M_NONE, M_NONE, false],
  ['immq', T_INT, M_NONE, M_NONE, true],     // int64 constant (side array)
  ['immd', T_NUM, M_NONE, M_NONE, true],     // double constant (side array)
  ['ldq', T_INT, M_LIT, M_NONE, false],      // int payload of stack slot a
  ['ldd', T_NUM, M_LIT, M_NONE, false],      // float payload of stack slot a
  ['stq', T_VOID, M_LIT, M_REF, false],      // slot a := integer b (payload and tag)
  ['std', T_VOID, M_LIT, M_REF, false],      // slot a := float b
  ['addq', T_INT, M_REF, M_REF, true],       // wrapping 64-bit arithmetic (Lua integers wrap)
  ['subq', T_INT, M_REF, M_REF, true],
  ['mulq', T_INT, M_REF, M_REF, true],
  ['negq', T_INT, M_REF, M_NONE, true],
  ['modq', T_INT, M_REF, M_REF, true],       // Lua % on integers (floor); b never 0 or -1
  ['divq', T_INT, M_REF, M_REF, true],       // Lua // on integers (floor); b never 0 or -1
  ['addd', T_NUM, M_REF, M_REF, true],
  ['subd', T_NUM, M_REF, M_REF, true],
  ['muld', T_NUM, M_REF, M_REF, true],
  ['divd', T_NUM, M_REF, M_REF, true],
  ['negd', T_NUM, M_REF, M_NONE, true],
  ['floord', T_NUM, M_REF, M_NONE, true],    // needs SSE4.1 roundsd
  ['ceild', T_NUM, M_REF, M_NONE, true],
  ['sqrtd', T_NUM, M_REF, M_NONE, true],
  ['absd', T_NUM, M_REF, M_NONE, true],
  ['i2d', T_NUM, M_REF, M_NONE, true],
  ['eqq', T_VOID, M_REF, M_REF, true],       // comparisons: flags for the guard that follows
  ['ltq', T_VOID, M_REF, M_REF, true],
  ['leq', T_VOID, M_REF, M_REF, true],
  ['eqd', T_VOID, M_REF, M_REF, true],
  ['ltd', T_VOID, M_REF, M_REF, true],
  ['led', T_VOID, M_REF, M_REF, true],
  ['xt', T_VOID, M_REF, M_LIT, false],       // exit b unless condition a holds
  ['xf', T_VOID, M_REF, M_LIT, false],       // exit b if condition a holds
  ['xzq', T_VOID, M_REF, M_LIT, false],      // exit b if integer a is 0 (for-loop count)
  ['xdivq', T_VOID, M_REF, M_LIT, false],    // exit b if integer a is 0 or -1 (divisor check)
  ['loop', T_VOID, M_NONE, M_NONE, false],   // loop head (back-edge target)
  ['budget', T_VOID, M_NONE, M_LIT, false],  // exit b when the back-edge budget runs out
  ['jloop', T_VOID, M_NONE, M_NONE, false],  // back-edge to `loop`
  ['xtag', T_VOID, M_LIT, M_LIT, false],     // exit b unless slot a>>4 has tag a&15 (side-trace entry)
  ['jroot', T_VOID, M_NONE, M_NONE, false],  // side trace end: jump to the root trace's loop head
  ['sto', T_VOID, M_LIT, M_LIT, false],      // slot a>>4 := object ref b with tag a&15 (checked at entry)
  ['absq', T_INT, M_REF, M_NONE, true],      // math.abs on integers (wraps at mininteger)
  ['label', T_VOID, M_LIT, M_NONE, false],   // inner loop head / end (no value crosses it)
  ['jzq', T_VOID, M_REF, M_LIT, false],      // jump to label b if integer a is 0 (inner loop done)
  ['jmp', T_VOID, M_NONE, M_LIT, false],     // jump to label b (inner back-edge)
  ['xd2q', T_INT, M_REF, M_LIT, false],      // integer of integral double a; exit b unless -2^63 < a < 2^63
  // Tables (the heap arena is native memory; its address is at [ctx+CTX_HEAP]). The loads are
  // pure between stores: the writer's CSE forgets everything at a store.
  ['ldt', T_INT, M_LIT, M_NONE, false],      // table ref in stack slot a (tag checked at entry)
  ['asize', T_INT, M_REF, M_NONE, true],     // array part size of table a
  ['aref', T_INT, M_REF, M_REF, true],       // heap offset of a[b] plus 16 (1 <= b <= asize)
  ['ldtag', T_INT, M_REF, M_NONE, true],     // tag of the element at aref a
  ['ldaq', T_INT, M_REF, M_NONE, true],      // integer payload of the element at aref a
  ['ldad', T_NUM, M_REF, M_NONE, true],      // float payload of the element at aref a
  ['staq', T_VOID, M_REF, M_REF, false],     // element at aref a := integer b (payload and tag)
  ['stad', T_VOID, M_REF, M_REF, false],     // element at aref a := float b
];

export const OP_NAMES = TABLE.map((r) => r[0]);
export const OP_TYPE = Uint8Array.from(TABLE.map((r) => r[1]));
export const OP_MODE_A = Uint8Array.from(TABLE.map((r) => r[2]));
export const OP_MODE_B = Uint8Array.from(TABLE.map((r) => r[3]));
export const OP_PURE = Uint8Array.from(TABLE.map((r) => (r[4] ? 1 : 0)));
const ops: Record<string, number> = {};
OP_NAMES.forEach((n, i) => { ops[n] = i; });
function op(n: string): number {
  const v = ops[n];
  if (v === undefined) throw new Error(`LIR: no opcode ${n}`);
  return v;
}
export const L_NOP = op('nop'), L_IMMQ = op('immq'), L_IMMD = op('immd');
export const L_LDQ = op('ldq'), L_LDD = op('ldd'), L_STQ = op('stq'), L_STD = op('std');
export const L_ADDQ = op('addq'), L_SUBQ = op('subq'), L_MULQ = op('mulq'), L_NEGQ = op('negq');
export const L_MODQ = op('modq'), L_DIVQ = op('divq');
export const L_ADDD = op('addd'), L_SUBD = op('subd'), L_MULD = op('muld'), L_DIVD = op('divd');
export const L_NEGD = op('negd'), L_FLOORD = op('floord'), L_CEILD = op('ceild');
export const L_SQRTD = op('sqrtd'), L_ABSD = op('absd'), L_I2D = op('i2d');
export const L_EQQ = op('eqq'), L_LTQ = op('ltq'), L_LEQ = op('leq');
export const L_EQD = op('eqd'), L_LTD = op('ltd'), L_LED = op('led');
export const L_XT = op('xt'), L_XF = op('xf'), L_XZQ = op('xzq'), L_XDIVQ = op('xdivq');
export const L_LOOP = op('loop'), L_BUDGET = op('budget'), L_JLOOP = op('jloop');
export const L_XTAG = op('xtag'), L_JROOT = op('jroot'), L_STO = op('sto'), L_ABSQ = op('absq');
export const L_LABEL = op('label'), L_JZQ = op('jzq'), L_JMP = op('jmp'), L_XD2Q = op('xd2q');
export const L_LDT = op('ldt'), L_ASIZE = op('asize'), L_AREF = op('aref'), L_LDTAG = op('ldtag');
export const L_LDAQ = op('ldaq'), L_LDAD = op('ldad'), L_STAQ = op('staq'), L_STAD = op('stad');

export function isCompare(o: number): boolean {
  return o >= L_EQQ && o <= L_LED;
}
export function isGuard(o: number): boolean {
  return o === L_XT || o === L_XF || o === L_XZQ || o === L_XDIVQ || o === L_BUDGET || o === L_XTAG || o === L_XD2Q;
}

/** A snapshot: where the interpreter resumes when the guard carrying it fails. Stores are not
 *  sunk yet (every slot write is stored when it happens), so the Lua stack is already exact
 *  at any guard and a snapshot needs only the pc; `slots` lists what the trace has written
 *  so far (for -jdump and for the copy back into the Lua stack). */
export interface Snapshot {
  pc: number;
  /** why this exit exists, for -jv */
  kind: 'guard' | 'loopend' | 'budget' | 'div';
}

export const MAX_INS = 4000;
export const MAX_SNAPS = 500;

export class LirBuffer {
  op = new Uint8Array(256);
  a = new Int32Array(256);
  b = new Int32Array(256);
  /** int64 constants, by ref */
  kq = new BigInt64Array(256);
  /** double constants, by ref */
  kd = new Float64Array(256);
  n = 0;
  snaps: Snapshot[] = [];

  private grow(): void {
    const cap = this.op.length * 2;
    const o = new Uint8Array(cap); o.set(this.op); this.op = o;
    const a = new Int32Array(cap); a.set(this.a); this.a = a;
    const b = new Int32Array(cap); b.set(this.b); this.b = b;
    const kq = new BigInt64Array(cap); kq.set(this.kq); this.kq = kq;
    const kd = new Float64Array(cap); kd.set(this.kd); this.kd = kd;
  }

  /** Appends without filtering; returns the ref. */
  push(o: number, a: number, b: number): number {
    if (this.n >= MAX_INS) throw new TraceAbort('trace too long (4000 LIR instructions)');
    if (this.n === this.op.length) this.grow();
    const r = this.n++;
    this.op[r] = o; this.a[r] = a; this.b[r] = b;
    return r;
  }

  immq(v: bigint): number {
    const r = this.push(L_IMMQ, 0, 0);
    this.kq[r] = BigInt.asIntN(64, v);
    return r;
  }

  immd(v: number): number {
    const r = this.push(L_IMMD, 0, 0);
    this.kd[r] = v;
    return r;
  }

  snapshot(s: Snapshot): number {
    if (this.snaps.length >= MAX_SNAPS) throw new TraceAbort('too many snapshots (500)');
    this.snaps.push(s);
    return this.snaps.length - 1;
  }

  type(r: number): number {
    return OP_TYPE[this.op[r]!]!;
  }
}

/** Thrown by the recorder or a filter to abandon the trace; `message` is the -jv reason. */
export class TraceAbort extends Error {}

function fmtNum(d: number): string {
  if (Object.is(d, -0)) return '-0.0';
  if (Number.isInteger(d)) return d.toFixed(1);
  return String(d);
}

/** -jdump text of the LIR: one instruction per line, dead ones included (marked by the caller). */
export function printLir(buf: LirBuffer): string {
  const lines: string[] = [];
  for (let r = 0; r < buf.n; r++) {
    const o = buf.op[r]!;
    if (o === L_NOP) continue;
    const name = OP_NAMES[o]!;
    const ref = (x: number): string => `%${x}`;
    let text: string;
    if (o === L_IMMQ) text = `${name} ${buf.kq[r]!}`;
    else if (o === L_IMMD) text = `${name} ${fmtNum(buf.kd[r]!)}`;
    else {
      const parts: string[] = [];
      const ma = OP_MODE_A[o]!, mb = OP_MODE_B[o]!;
      if (ma === M_REF) parts.push(ref(buf.a[r]!));
      else if (o === L_XTAG) parts.push(`[${buf.a[r]! >> 4}] tag ${buf.a[r]! & 15}`);
      else if (ma === M_LIT) parts.push(o === L_LDQ || o === L_LDD || o === L_STQ || o === L_STD ? `[${buf.a[r]!}]` : String(buf.a[r]!));
      if (mb === M_REF) parts.push(ref(buf.b[r]!));
      else if (mb === M_LIT) {
        const s = buf.snaps[buf.b[r]!];
        parts.push(isGuard(o) && s ? `exit ${buf.b[r]!} (pc ${s.pc + 1})` : String(buf.b[r]!));
      }
      text = parts.length ? `${name} ${parts.join(' ')}` : name;
    }
    const lhs = OP_TYPE[o] !== T_VOID || isCompare(o) ? `%${r}`.padStart(5) + ' = ' : ' '.repeat(8);
    lines.push(lhs + text);
  }
  return lines.join('\n');
}
