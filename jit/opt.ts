// LIR writer pipeline (nanojit's LirWriter chain): each instruction the recorder emits goes
// through constant folding / algebraic simplification, then CSE, then into the buffer.
// Folds only where the result is bit-for-bit what the machine code would give: integer ops
// wrap to int64, double ops are the same IEEE operations JS performs.
import {
  LirBuffer, L_ADDD, L_ADDQ, L_DIVD, L_DIVQ, L_I2D, L_IMMD, L_IMMQ, L_MODQ, L_MULD, L_MULQ,
  L_NEGD, L_NEGQ, L_SUBD, L_SUBQ, L_XDIVQ, L_LOOP, OP_PURE, L_SQRTD, L_ABSD, L_FLOORD, L_CEILD, L_ABSQ, L_LABEL,
  L_STAQ, L_STAD,
} from './lir.js';

const I64 = (v: bigint): bigint => BigInt.asIntN(64, v);

export class LirWriter {
  private cse = new Map<string, number>();
  private kq = new Map<bigint, number>();
  private kd = new Map<string, number>();
  /** Counts for -jdump / specs. */
  folded = 0;
  csed = 0;

  constructor(readonly buf: LirBuffer) {}

  immq(v: bigint): number {
    v = I64(v);
    let r = this.kq.get(v);
    if (r === undefined) { r = this.buf.immq(v); this.kq.set(v, r); }
    return r;
  }

  immd(v: number): number {
    // keyed by bits so -0.0 and NaN payloads stay distinct
    const key = Object.is(v, -0) ? '-0' : String(v);
    let r = this.kd.get(key);
    if (r === undefined) { r = this.buf.immd(v); this.kd.set(key, r); }
    return r;
  }

  private isQ(r: number): boolean { return this.buf.op[r] === L_IMMQ; }
  private isD(r: number): boolean { return this.buf.op[r] === L_IMMD; }

  /** Emits `o a b` after folding and CSE; returns the ref of the result. */
  ins(o: number, a: number, b: number): number {
    const f = this.fold(o, a, b);
    if (f >= 0 || f === -2) { this.folded++; return f; }
    // a table store may change what an earlier (pure) table load read
    if (o === L_LOOP || o === L_LABEL || o === L_STAQ || o === L_STAD) this.cse.clear();
    if (OP_PURE[o]) {
      const key = `${o},${a},${b}`;
      const r = this.cse.get(key);
      if (r !== undefined) { this.csed++; return r; }
      const n = this.buf.push(o, a, b);
      this.cse.set(key, n);
      return n;
    }
    return this.buf.push(o, a, b);
  }

  /** A ref equal to `o a b`, or -1 when nothing folds. Guards on constants that always pass
   *  fold to the no-op ref -2 (they are not emitted). */
  private fold(o: number, a: number, b: number): number {
    const buf = this.buf;
    if (o === L_XDIVQ && this.isQ(a)) {
      const v = buf.kq[a]!;
      if (v !== 0n && v !== -1n) return -2;
      return -1;
    }
    if (o >= L_ADDQ && o <= L_DIVQ) {
      const ka = this.isQ(a), kb = o === L_NEGQ ? false : this.isQ(b);
      if (ka && (o === L_NEGQ || kb)) {
        const x = buf.kq[a]!, y = o === L_NEGQ ? 0n : buf.kq[b]!;
        switch (o) {
          case L_ADDQ: return this.immq(x + y);
          case L_SUBQ: return this.immq(x - y);
          case L_MULQ: return this.immq(x * y);
          case L_NEGQ: return this.immq(-x);
          case L_MODQ: if (y !== 0n && y !== -1n) { const m = x % y; return this.immq(m !== 0n && (m ^ y) < 0n ? m + y : m); } return -1;
          case L_DIVQ: if (y !== 0n && y !== -1n) { const q = x / y; return this.immq((x % y !== 0n) && ((x ^ y) < 0n) ? q - 1n : q); } return -1;
        }
      }
      // x+0, x-0, x*1 are x; x*0 is 0 (integers have no -0)
      if (kb) {
        const y = buf.kq[b]!;
        if ((o === L_ADDQ || o === L_SUBQ) && y === 0n) return a;
        if (o === L_MULQ && y === 1n) return a;
        if (o === L_MULQ && y === 0n) return b;
      }
      if (ka && o === L_ADDQ && buf.kq[a] === 0n) return b;
      if (ka && o === L_MULQ && buf.kq[a] === 1n) return b;
      return -1;
    }
    if (o >= L_ADDD && o <= L_NEGD) {
      const ka = this.isD(a), kb = o === L_NEGD ? false : this.isD(b);
      if (ka && (o === L_NEGD || kb)) {
        const x = buf.kd[a]!, y = o === L_NEGD ? 0 : buf.kd[b]!;
        switch (o) {
          case L_ADDD: return this.immd(x + y);
          case L_SUBD: return this.immd(x - y);
          case L_MULD: return this.immd(x * y);
          case L_DIVD: return this.immd(x / y);
          case L_NEGD: return this.immd(-x);
        }
      }
      // x-0.0 and x*1.0 are exactly x (also for -0.0 and NaN); x+0.0 is not (-0.0+0.0 = 0.0)
      if (kb) {
        const y = buf.kd[b]!;
        if (o === L_SUBD && Object.is(y, 0)) return a;
        if ((o === L_MULD || o === L_DIVD) && y === 1) return a;
      }
      return -1;
    }
    if (o === L_I2D && this.isQ(a)) return this.immd(Number(buf.kq[a]!));
    if (this.isD(a)) {
      const x = buf.kd[a]!;
      if (o === L_SQRTD) return this.immd(Math.sqrt(x));
      if (o === L_ABSD) return this.immd(Math.abs(x));
      if (o === L_FLOORD) return this.immd(Math.floor(x));
      if (o === L_CEILD) return this.immd(Math.ceil(x));
    }
    if (o === L_ABSQ && this.isQ(a)) { const x = buf.kq[a]!; return this.immq(x < 0n ? -x : x); }
    return -1;
  }
}
