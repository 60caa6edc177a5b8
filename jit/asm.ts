// x86-64 backend: LIR -> machine code.
//
// A trace here is one loop body in straight-line form (guards leave it, `jloop` goes back to
// `loop`); no value lives across the back-edge, because stores are not sunk yet and every
// iteration reloads its slots (store-to-load forwarding makes that cheap). So a dead-code pass
// walks the LIR backwards (uses before definitions: anything pure and unused is dropped) and
// registers are handed out in one forward scan with each value freed at its last use. The
// machine code itself is produced by the backwards encoder: the forward scan records one
// emitter per instruction and they are replayed last-first, after the exit stubs, which end
// up at the end of the block.
import {
  LirBuffer, TraceAbort, OP_MODE_A, OP_MODE_B, L_ADDD, L_ADDQ, L_BUDGET, L_CEILD, L_DIVD,
  L_DIVQ, L_EQD, L_EQQ, L_FLOORD, L_I2D, L_IMMD, L_IMMQ, L_JLOOP, L_LDD, L_LDQ, L_LED, L_LEQ,
  L_LOOP, L_LTD, L_LTQ, L_MODQ, L_MULD, L_MULQ, L_NEGD, L_NEGQ, L_NOP, L_SQRTD, L_ABSD, L_STD,
  L_STQ, L_SUBD, L_SUBQ, L_XDIVQ, L_XF, L_XT, L_XZQ, L_XTAG, L_JROOT, L_STO, L_ABSQ, L_LABEL, L_JZQ, L_JMP, L_XD2Q, OP_PURE, isCompare,
  L_LDT, L_ASIZE, L_AREF, L_LDTAG, L_LDAQ, L_LDAD, L_STAQ, L_STAD,
} from './lir.js';
import {
  ALU_ADD, ALU_CMP, ALU_SUB, ALU_XOR, SH_SHL, ROUND_CEIL, ROUND_FLOOR, SSE_ADDSD, SSE_ANDPD, SSE_DIVSD,
  SSE_MOVAPD, SSE_MULSD, SSE_SQRTSD, SSE_SUBSD, SSE_UCOMISD, SSE_XORPD, X64Asm,
} from './x64/encoder.js';
import {
  CC_A, CC_AE, CC_E, CC_L, CC_LE, CC_NE, CC_NS, CC_P, R10, R11, R12, R13, R8, R9, RAX, RBP, RCX,
  RDI, RDX, RSI, XMM15,
} from './x64/regs.js';
import { Layout } from '../lang/heap/layout.js';
import { CTX_HEAP, CTX_USER, REG_ARENA, REG_BASE, REG_CTX, emitExitStub } from './x64/trampoline.js';

const M_REF = 1;
const TAG_INT = 3, TAG_FLOAT = 4;
/** Allocatable registers: rax/rdx are idiv's, r11 and xmm15 are scratch. */
const GPRS = [RCX, RSI, RDI, R8, R9, R10, RBP, R12, R13];
const XMMS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
const SCRATCH = R11;
const XSCRATCH = XMM15;

/** Where double constants live: offsets from the arena base (r14), 8 bytes each. */
export interface ConstPool {
  place(value: number): number;
}

type Emit = (a: X64Asm) => void;

export interface AssembleResult {
  asm: X64Asm;
  /** instructions that produced code (after DCE) */
  live: Uint8Array;
  /** distance of each exit stub from the end of the code */
  stubFromEnd: number[];
}

function fitsI32(v: bigint): boolean {
  return v >= -0x80000000n && v <= 0x7fffffffn;
}

/** Assembles `buf` so that the code ends at `endAddress`; exit stub n jumps to the handler
 *  with exit number n (the snapshot index). */
export function assemble(buf: LirBuffer, pool: ConstPool, endAddress: number, exitHandler: number,
  exitBase = 0, rootAddress = -1): AssembleResult {
  const n = buf.n;
  const op = buf.op, A = buf.a, B = buf.b;

  // ---- dead code: backwards, a pure instruction lives only if something live uses it
  const live = new Uint8Array(n);
  for (let r = n - 1; r >= 0; r--) {
    const o = op[r]!;
    if (o === L_NOP) continue;
    if (!OP_PURE[o]) live[r] = 1;
    if (!live[r]) continue;
    if (OP_MODE_A[o] === M_REF) live[A[r]!] = 1;
    if (OP_MODE_B[o] === M_REF) live[B[r]!] = 1;
  }
  // ---- last uses (a guard uses its comparison's operands: the compare is emitted there)
  const last = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    if (!live[r]) continue;
    const o = op[r]!;
    if (isCompare(o)) continue;
    if (OP_MODE_A[o] === M_REF) {
      const x = A[r]!;
      last[x] = r;
      if (isCompare(op[x]!)) { last[A[x]!] = r; last[B[x]!] = r; }
    }
    if (OP_MODE_B[o] === M_REF) last[B[r]!] = r;
  }

  // ---- forward register assignment, recording emitters
  const reg = new Int8Array(n).fill(-1);
  const freeG = GPRS.slice().reverse();
  const freeX = XMMS.slice().reverse();
  const emits: Emit[] = [];
  const isQ = (r: number): boolean => op[r] === L_IMMQ;
  const isD = (r: number): boolean => op[r] === L_IMMD;
  const isDouble = (r: number): boolean => {
    const o = op[r]!;
    return o === L_IMMD || o === L_LDD || o === L_LDAD || (o >= L_ADDD && o <= L_I2D);
  };
  const allocG = (): number => { const x = freeG.pop(); if (x === undefined) throw new TraceAbort('NYI: register pressure'); return x; };
  const allocX = (): number => { const x = freeX.pop(); if (x === undefined) throw new TraceAbort('NYI: register pressure'); return x; };
  let keep = -1; // a register taken over by the result (not freed with its operand)
  const release = (r: number, at: number): void => {
    if (r >= 0 && last[r] === at && reg[r]! >= 0) {
      if (reg[r] === keep) { reg[r] = -1; return; }
      (isDouble(r) ? freeX : freeG).push(reg[r]!);
      reg[r] = -1;
    }
  };
  const poolOf = (r: number): number => pool.place(buf.kd[r]!);
  /** The register of a non-constant operand (a constant here would be a missing fold). */
  const rg = (r: number): number => {
    const q = reg[r]!;
    if (q < 0) throw new TraceAbort(`NYI: operand %${r} not in a register`);
    return q;
  };
  /** A GPR holding integer operand r (constants go through the scratch register). */
  const gpr = (r: number): number => {
    if (isQ(r)) {
      const v = buf.kq[r]!;
      emits.push((a) => a.movRI(SCRATCH, v));
      return SCRATCH;
    }
    return rg(r);
  };
  /** The destination for a two-address op on operand x: x's own register when x dies here. */
  const dstFor = (x: number, at: number, dbl: boolean): number => {
    if (!(dbl ? isD(x) : isQ(x)) && last[x] === at && reg[x]! >= 0) return reg[x]!;
    return dbl ? allocX() : allocG();
  };

  const stubLabel: number[] = [];
  const exitOf = (snap: number): number => snap;
  let loopSite = -1;
  const labels: number[] = [];
  const pending: number[][] = [];

  for (let r = 0; r < n; r++) {
    if (!live[r]) continue;
    const o = op[r]!;
    const x = A[r]!, y = B[r]!;
    keep = -1;
    switch (o) {
      case L_IMMQ: case L_IMMD: break; // rematerialised at each use
      case L_LDQ: { const d = allocG(); reg[r] = d; const off = x * 16; emits.push((a) => a.load64(d, REG_BASE, off)); break; }
      case L_LDD: { const d = allocX(); reg[r] = d; const off = x * 16; emits.push((a) => a.loadsd(d, REG_BASE, off)); break; }
      case L_STQ: {
        const off = x * 16;
        if (isQ(y) && fitsI32(buf.kq[y]!)) { const v = Number(buf.kq[y]!); emits.push((a) => a.store64I(v, REG_BASE, off)); }
        else { const s = gpr(y); emits.push((a) => a.store64(s, REG_BASE, off)); }
        emits.push((a) => a.store32I(TAG_INT, REG_BASE, off + 8));
        release(y, r);
        break;
      }
      case L_STD: {
        const off = x * 16;
        if (isD(y)) { const p = poolOf(y); emits.push((a) => { a.storesd(XSCRATCH, REG_BASE, off); a.loadsd(XSCRATCH, REG_ARENA, p); }); }
        else { const s = rg(y); emits.push((a) => a.storesd(s, REG_BASE, off)); }
        emits.push((a) => a.store32I(TAG_FLOAT, REG_BASE, off + 8));
        release(y, r);
        break;
      }
      case L_ADDQ: case L_SUBQ: case L_MULQ: {
        const d = dstFor(x, r, false); keep = d;
        if (reg[x]! !== d || isQ(x)) {
          if (isQ(x)) { const v = buf.kq[x]!; emits.push((a) => a.movRI(d, v)); }
          else { const s = rg(x); emits.push((a) => a.movRR(d, s)); }
        }
        if (isQ(y) && fitsI32(buf.kq[y]!)) {
          const v = Number(buf.kq[y]!);
          if (o === L_MULQ) emits.push((a) => a.imulRRI(d, d, v));
          else { const alu = o === L_ADDQ ? ALU_ADD : ALU_SUB; emits.push((a) => a.aluRI(alu, d, v)); }
        } else {
          const s = y === x ? d : gpr(y);
          if (o === L_MULQ) emits.push((a) => a.imulRR(d, s));
          else { const alu = o === L_ADDQ ? ALU_ADD : ALU_SUB; emits.push((a) => a.aluRR(alu, d, s)); }
        }
        release(x, r); release(y, r);
        reg[r] = d;
        break;
      }
      case L_NEGQ: {
        const d = dstFor(x, r, false); keep = d;
        if (reg[x]! !== d) { const s = rg(x); emits.push((a) => a.movRR(d, s)); }
        emits.push((a) => a.neg(d));
        release(x, r);
        reg[r] = d;
        break;
      }
      case L_MODQ: case L_DIVQ: {
        const sx = gpr(x);
        emits.push((a) => a.movRR(RAX, sx));
        let sy: number;
        if (isQ(y)) { const v = buf.kq[y]!; emits.push((a) => a.movRI(SCRATCH, v)); sy = SCRATCH; } else sy = rg(y);
        const d = allocG();
        const mod = o === L_MODQ;
        // Lua's floor division/modulo from idiv's truncating result: a nonzero remainder whose
        // sign differs from the divisor's moves the quotient down by one / the remainder by b.
        // forward: cqo; idiv sy; test rdx,rdx (written last-first)
        emits.push((a) => { a.testRR(RDX, RDX); a.idiv(sy); a.cqo(); });
        emits.push(makeFixup(mod, d, sy));
        release(x, r); release(y, r);
        reg[r] = d;
        break;
      }
      case L_ADDD: case L_SUBD: case L_MULD: case L_DIVD: {
        const d = dstFor(x, r, true); keep = d;
        if (isD(x)) { const p = poolOf(x); emits.push((a) => a.loadsd(d, REG_ARENA, p)); }
        else if (reg[x]! !== d) { const s = rg(x); emits.push((a) => a.sseRR(SSE_MOVAPD, d, s)); }
        const sop = o === L_ADDD ? SSE_ADDSD : o === L_SUBD ? SSE_SUBSD : o === L_MULD ? SSE_MULSD : SSE_DIVSD;
        if (isD(y)) { const p = poolOf(y); emits.push((a) => a.sseRM(sop, d, REG_ARENA, p)); }
        else { const s = y === x ? d : rg(y); emits.push((a) => a.sseRR(sop, d, s)); }
        release(x, r); release(y, r);
        reg[r] = d;
        break;
      }
      case L_NEGD: case L_ABSD: {
        const d = dstFor(x, r, true); keep = d;
        if (reg[x]! !== d) { const s = rg(x); emits.push((a) => a.sseRR(SSE_MOVAPD, d, s)); }
        const mask = o === L_NEGD ? 0x8000000000000000n : 0x7fffffffffffffffn;
        const sop = o === L_NEGD ? SSE_XORPD : SSE_ANDPD;
        emits.push((a) => { a.sseRR(sop, d, XSCRATCH); a.movqXR(XSCRATCH, SCRATCH); a.movRI64(SCRATCH, mask); });
        release(x, r);
        reg[r] = d;
        break;
      }
      case L_SQRTD: case L_FLOORD: case L_CEILD: {
        const s = rg(x);
        const d = dstFor(x, r, true); keep = d;
        if (o === L_SQRTD) emits.push((a) => a.sseRR(SSE_SQRTSD, d, s));
        else { const mode = o === L_FLOORD ? ROUND_FLOOR : ROUND_CEIL; emits.push((a) => a.roundsd(d, s, mode)); }
        release(x, r);
        reg[r] = d;
        break;
      }
      case L_I2D: {
        const s = rg(x);
        const d = allocX();
        // xorpd first: cvtsi2sd writes only the low lane (no false dependency on old contents)
        emits.push((a) => { a.cvtsi2sd(d, s); a.sseRR(SSE_XORPD, d, d); });
        release(x, r);
        reg[r] = d;
        break;
      }
      case L_EQQ: case L_LTQ: case L_LEQ: case L_EQD: case L_LTD: case L_LED:
        break; // emitted by the guard that uses it
      case L_XT: case L_XF: {
        const c = x, co = op[c]!, ca = A[c]!, cb = B[c]!;
        // two constants: the recorder saw the outcome, so the guard always holds
        if ((isQ(ca) && isQ(cb)) || (isD(ca) && isD(cb))) break;
        const exitNo = exitOf(y);
        const wantTrue = o === L_XT; // exit when the condition is false
        if (co === L_EQQ || co === L_LTQ || co === L_LEQ) {
          const sa = gpr(ca);
          if (isQ(cb) && fitsI32(buf.kq[cb]!)) { const v = Number(buf.kq[cb]!); emits.push((a) => a.aluRI(ALU_CMP, sa, v)); }
          else {
            let sb: number;
            if (isQ(cb)) {
              // both constant operands would have folded; a is a register here
              const v = buf.kq[cb]!; emits.push((a) => a.movRI(SCRATCH, v)); sb = SCRATCH;
            } else sb = rg(cb);
            emits.push((a) => a.aluRR(ALU_CMP, sa, sb));
          }
          const cc = co === L_EQQ ? CC_E : co === L_LTQ ? CC_L : CC_LE;
          const jcc = wantTrue ? cc ^ 1 : cc;
          emits.push((a) => a.jcc(jcc, stubLabel[exitNo]!));
        } else {
          // ucomisd: unordered sets ZF=PF=CF=1. a<b is "b above a", a<=b is "b above-or-equal a",
          // both false on NaN; a==b is ZF && !PF.
          let first: number, second: number;
          if (co === L_EQD) { first = ca; second = cb; } else { first = cb; second = ca; }
          let fr: number;
          if (isD(first)) { const p = poolOf(first); emits.push((a) => a.loadsd(XSCRATCH, REG_ARENA, p)); fr = XSCRATCH; }
          else fr = rg(first);
          if (isD(second)) { const p = poolOf(second); emits.push((a) => a.sseRM(SSE_UCOMISD, fr, REG_ARENA, p)); }
          else { const s = rg(second); emits.push((a) => a.sseRR(SSE_UCOMISD, fr, s)); }
          if (co === L_EQD) {
            if (wantTrue) emits.push((a) => { a.jcc(CC_NE, stubLabel[exitNo]!); a.jcc(CC_P, stubLabel[exitNo]!); });
            else emits.push((a) => { const skip = a.here(); a.jcc(CC_E, stubLabel[exitNo]!); a.jcc(CC_P, skip); });
          } else {
            const cc = co === L_LTD ? CC_A : CC_AE;
            const jcc = wantTrue ? cc ^ 1 : cc;
            emits.push((a) => a.jcc(jcc, stubLabel[exitNo]!));
          }
        }
        release(ca, r); release(cb, r);
        break;
      }
      case L_XZQ: {
        const s = rg(x);
        const exitNo = exitOf(y);
        emits.push((a) => { a.jcc(CC_E, stubLabel[exitNo]!); a.testRR(s, s); });
        release(x, r);
        break;
      }
      case L_XDIVQ: {
        if (isQ(x)) {
          if (buf.kq[x] === 0n || buf.kq[x] === -1n) throw new TraceAbort('NYI: constant divisor 0 or -1');
          break;
        }
        const s = rg(x);
        const exitNo = exitOf(y);
        emits.push((a) => {
          a.jcc(CC_E, stubLabel[exitNo]!); a.aluRI(ALU_CMP, s, -1);
          a.jcc(CC_E, stubLabel[exitNo]!); a.testRR(s, s);
        });
        break;
      }
      case L_LOOP:
        emits.push((a) => { if (loopSite >= 0) a.patchRel32(loopSite, a.here()); });
        break;
      case L_BUDGET: {
        const exitNo = exitOf(y);
        emits.push((a) => { a.jcc(CC_E, stubLabel[exitNo]!); a.aluMI64(ALU_SUB, REG_CTX, CTX_USER, 1); });
        break;
      }
      case L_JLOOP:
        emits.push((a) => { loopSite = a.here(); a.jmp32(loopSite); });
        break;
      case L_XTAG: {
        const exitNo = exitOf(y);
        const off = (x >> 4) * 16 + 8, t = x & 15;
        emits.push((a) => { a.jcc(CC_NE, stubLabel[exitNo]!); a.aluMI32(ALU_CMP, REG_BASE, off, t); });
        break;
      }
      case L_STO: {
        const off = (x >> 4) * 16, t = x & 15, v = y;
        // forward: lo word, hi word 0, tag (written last-first)
        emits.push((a) => { a.store32I(t, REG_BASE, off + 8); a.store32I(0, REG_BASE, off + 4); a.store32I(v, REG_BASE, off); });
        break;
      }
      case L_ABSQ: {
        const s = rg(x);
        const d = allocG();
        // d = -x; if d < 0 (x was positive) d = x; mininteger stays mininteger as in Lua
        emits.push((a) => { a.cmov(CC_L, d, s); a.neg(d); a.movRR(d, s); });
        release(x, r);
        reg[r] = d;
        break;
      }
      case L_XD2Q: {
        const s = rg(x);
        const d = allocG();
        const exitNo = exitOf(y);
        // forward: cvttsd2si d,s; mov scratch,INT64_MIN; cmp d,scratch; je exit. Out of range
        // and NaN give INT64_MIN; so does -2^63 itself, which the interpreter then handles.
        emits.push((a) => {
          a.jcc(CC_E, stubLabel[exitNo]!); a.aluRR(ALU_CMP, d, SCRATCH);
          a.movRI64(SCRATCH, 0x8000000000000000n); a.cvttsd2si(d, s);
        });
        release(x, r);
        reg[r] = d;
        break;
      }
      // Table reads: rax (free between instructions: only modq/divq use it, inside their own
      // code) holds the heap address; each emitter's instructions are written last-first.
      case L_LDT: {
        const d = allocG();
        const off = x * 16;
        emits.push((a) => a.load32(d, REG_BASE, off));
        reg[r] = d;
        break;
      }
      case L_ASIZE: {
        const t = rg(x);
        const d = allocG();
        emits.push((a) => { a.load32(d, RAX, Layout.T_ASIZE, t); a.load64(RAX, REG_CTX, CTX_HEAP); });
        release(x, r);
        reg[r] = d;
        break;
      }
      case L_AREF: {
        const t = rg(x);
        const k = gpr(y);
        const d = allocG();
        // forward: mov rax,[ctx+heap]; mov d,k; shl d,4; add d32,[rax+t+Layout.T_ARRAY] (the bounds
        // guard before this keeps k*16 and the sum within 32 bits: the arena is below 4 GiB)
        emits.push((a) => {
          a.aluRM32(ALU_ADD, d, RAX, Layout.T_ARRAY, t); a.shiftRI(SH_SHL, d, 4); a.movRR(d, k);
          a.load64(RAX, REG_CTX, CTX_HEAP);
        });
        release(x, r); release(y, r);
        reg[r] = d;
        break;
      }
      case L_LDTAG: case L_LDAQ: case L_LDAD: {
        const p = rg(x);
        const dbl = o === L_LDAD;
        const d = dbl ? allocX() : allocG();
        if (o === L_LDTAG) emits.push((a) => { a.load32(d, RAX, -8, p); a.load64(RAX, REG_CTX, CTX_HEAP); });
        else if (dbl) emits.push((a) => { a.loadsd(d, RAX, -16, p); a.load64(RAX, REG_CTX, CTX_HEAP); });
        else emits.push((a) => { a.load64(d, RAX, -16, p); a.load64(RAX, REG_CTX, CTX_HEAP); });
        release(x, r);
        reg[r] = d;
        break;
      }
      case L_STAQ: {
        const p = rg(x);
        const v = gpr(y);
        // forward: mov rax,[ctx+heap]; mov [rax+p-16],v; mov dword [rax+p-8],Int
        emits.push((a) => { a.store32I(TAG_INT, RAX, -8, p); a.store64(v, RAX, -16, p); a.load64(RAX, REG_CTX, CTX_HEAP); });
        release(x, r); release(y, r);
        break;
      }
      case L_STAD: {
        const p = rg(x);
        let v: number;
        if (isD(y)) { const off = poolOf(y); emits.push((a) => a.loadsd(XSCRATCH, REG_ARENA, off)); v = XSCRATCH; } else v = rg(y);
        emits.push((a) => { a.store32I(TAG_FLOAT, RAX, -8, p); a.storesd(v, RAX, -16, p); a.load64(RAX, REG_CTX, CTX_HEAP); });
        release(x, r); release(y, r);
        break;
      }
      case L_LABEL: {
        const id = x;
        emits.push((a) => {
          labels[id] = a.here();
          for (const site of pending[id] ?? []) a.patchRel32(site, labels[id]!);
        });
        break;
      }
      case L_JZQ: {
        const s = rg(x), id = y;
        emits.push((a) => { a.jcc32(CC_E, labels[id]!); a.testRR(s, s); });
        release(x, r);
        break;
      }
      case L_JMP: {
        const id = y;
        emits.push((a) => { const site = a.here(); a.jmp32(site); (pending[id] ??= []).push(site); });
        break;
      }
      case L_JROOT:
        if (rootAddress < 0) throw new Error('jit: jroot without a root trace');
        emits.push((a) => a.jmpAbs(rootAddress));
        break;
      default:
        throw new TraceAbort(`NYI: backend op ${o}`);
    }
  }

  const a = new X64Asm(4096);
  a.setEndAddress(endAddress);
  for (let s = buf.snaps.length - 1; s >= 0; s--) {
    emitExitStub(a, exitBase + s, exitHandler);
    stubLabel[s] = a.here();
  }
  // Each emitter may emit several instructions; they are written in backwards order inside it
  // (see the comments where that matters), and the emitters themselves run last-first.
  for (let k = emits.length - 1; k >= 0; k--) emits[k]!(a);
  return { asm: a, live, stubFromEnd: stubLabel };
}

/** The floor fix-up after `cqo; idiv sy; test rdx,rdx`, emitted backwards. Forward:
 *    mod: jz done; mov rax,rdx; xor rax,sy; jns done; add rdx,sy; done: mov d,rdx
 *    div: jz done; xor rdx,sy; jns done; sub rax,1; done: mov d,rax */
function makeFixup(mod: boolean, d: number, sy: number): Emit {
  return (a) => {
    if (mod) {
      a.movRR(d, RDX);
      const done = a.here();
      a.aluRR(ALU_ADD, RDX, sy);
      a.jcc(CC_NS, done);
      a.aluRR(ALU_XOR, RAX, sy);
      a.movRR(RAX, RDX);
      a.jcc(CC_E, done);
    } else {
      a.movRR(d, RAX);
      const done = a.here();
      a.aluRI(ALU_SUB, RAX, 1);
      a.jcc(CC_NS, done);
      a.aluRR(ALU_XOR, RDX, sy);
      a.jcc(CC_E, done);
    }
  };
}
