// x86-64 machine-code encoder that assembles BACKWARDS, as the trace backend does (nanojit,
// LuaJIT): each call prepends one instruction in front of the code emitted so far. The backend
// walks the LIR from the last instruction to the first, so uses are seen before definitions;
// emitting in the same order puts the bytes in execution order with no reversal pass.
//
// Positions ("labels") are distances from the END of the code, which do not change as more
// code is prepended or the buffer grows. `here()` is the label of the instruction emitted last
// (the first one in memory). A jump's end is `here()` just before the jump is emitted, so its
// displacement is `here() - target` for any target already emitted (rel8 if it fits).
// Targets emitted later (a loop's back-edge to its head) use jmp32/jcc32 and patchRel32.
//
// The finished code is meant to be placed so that it ENDS at a known address (a CodeMemory
// block's end): with setEndAddress() the jmpAbs/jccAbs/callAbs forms reach code elsewhere.
//
// Operands are plain numbers (regs.ts), memory operands are (base, disp, index, scale) with
// index = NOREG for none; nothing is allocated per instruction.

import { NOREG } from './regs.js';

/** ALU operation numbers: the /digit of 81/83 and (op*8 + 1) the "r/m, reg" opcode. */
export const ALU_ADD = 0, ALU_OR = 1, ALU_ADC = 2, ALU_SBB = 3, ALU_AND = 4, ALU_SUB = 5, ALU_XOR = 6, ALU_CMP = 7;
/** Shift /digit numbers for C1/D1/D3. */
export const SH_ROL = 0, SH_ROR = 1, SH_SHL = 4, SH_SHR = 5, SH_SAR = 7;

/** SSE2 scalar-double operations: (mandatory prefix << 8) | second opcode byte after 0F. */
export const SSE_SQRTSD = 0xf251, SSE_ADDSD = 0xf258, SSE_MULSD = 0xf259, SSE_SUBSD = 0xf25c;
export const SSE_MINSD = 0xf25d, SSE_DIVSD = 0xf25e, SSE_MAXSD = 0xf25f, SSE_MOVSD = 0xf210;
export const SSE_UCOMISD = 0x662e, SSE_ANDPD = 0x6654, SSE_XORPD = 0x6657, SSE_MOVAPD = 0x6628;

/** roundsd rounding modes (imm8; bit 3 would suppress the precision exception). */
export const ROUND_NEAREST = 0, ROUND_FLOOR = 1, ROUND_CEIL = 2, ROUND_TRUNC = 3;

const SCALE_BITS = [-1, 0, 1, -1, 2, -1, -1, -1, 3];

function isInt8(v: number): boolean {
  return v >= -128 && v <= 127;
}
function isInt32(v: number): boolean {
  return v >= -2147483648 && v <= 2147483647 && Math.floor(v) === v;
}

export class X64Asm {
  private buf: Uint8Array;
  /** Code is buf[top, buf.length). */
  private top: number;
  /** One instruction is built forward here, then copied in front of the code. */
  private readonly s = new Uint8Array(16);
  private n = 0;
  private endAddress = -1;

  constructor(capacity = 4096) {
    this.buf = new Uint8Array(capacity);
    this.top = capacity;
  }

  /** Bytes emitted so far. */
  get size(): number {
    return this.buf.length - this.top;
  }

  /** The label of the instruction emitted last (the start of the code so far). */
  here(): number {
    return this.buf.length - this.top;
  }

  /** A copy of the code in memory order. */
  code(): Uint8Array {
    return this.buf.slice(this.top);
  }

  /** A view of the code (valid until the next emit). */
  view(): Uint8Array {
    return this.buf.subarray(this.top);
  }

  reset(): void {
    this.top = this.buf.length;
    this.endAddress = -1;
  }

  /** The absolute address the code's end will have; enables the *Abs forms. */
  setEndAddress(addr: number): void {
    this.endAddress = addr;
  }

  /** Raw bytes, prepended in the order given. */
  bytes(...b: number[]): void {
    this.n = 0;
    for (const x of b) this.b(x);
    this.end();
  }

  // ---- data movement -------------------------------------------------------------------

  /** mov dst, src (64-bit). */
  movRR(dst: number, src: number): void {
    this.n = 0;
    this.rr(0, 1, 0x89, 1, src, dst, false);
    this.end();
  }

  /** mov dst32, src32 (clears the upper half of dst). */
  movRR32(dst: number, src: number): void {
    this.n = 0;
    this.rr(0, 0, 0x89, 1, src, dst, false);
    this.end();
  }

  /** mov r32, imm32: B8+r, zero-extended to 64 bits. `imm` as int32 or uint32. */
  movRI32(dst: number, imm: number): void {
    this.n = 0;
    if (dst >= 8) this.b(0x41);
    this.b(0xb8 + (dst & 7));
    this.i32(imm);
    this.end();
  }

  /** mov r64, imm32 sign-extended (REX.W C7 /0). */
  movRIs32(dst: number, imm: number): void {
    this.n = 0;
    this.rr(0, 1, 0xc7, 1, 0, dst, false);
    this.i32(imm);
    this.end();
  }

  /** movabs r64, imm64 given as two 32-bit halves (no allocation). */
  movRI64Parts(dst: number, lo: number, hi: number): void {
    this.n = 0;
    this.b(0x48 | (dst >= 8 ? 1 : 0));
    this.b(0xb8 + (dst & 7));
    this.i32(lo);
    this.i32(hi);
    this.end();
  }

  /** movabs r64, imm64. */
  movRI64(dst: number, imm: bigint | number): void {
    const v = BigInt.asUintN(64, BigInt(imm));
    this.movRI64Parts(dst, Number(v & 0xffffffffn), Number(v >> 32n));
  }

  /** The shortest flag-preserving load of a 64-bit constant. */
  movRI(dst: number, imm: bigint | number): void {
    const v = BigInt.asIntN(64, BigInt(imm));
    if (v >= 0n && v <= 0xffffffffn) this.movRI32(dst, Number(v));
    else if (v >= -0x80000000n && v < 0n) this.movRIs32(dst, Number(v));
    else this.movRI64(dst, v);
  }

  /** mov dst, qword [base + index*scale + disp]. */
  load64(dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 1, 0x8b, 1, dst, base, index, scale, disp, false);
    this.end();
  }

  /** mov qword [mem], src. */
  store64(src: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 1, 0x89, 1, src, base, index, scale, disp, false);
    this.end();
  }

  /** mov dst32, dword [mem] (zero-extends). */
  load32(dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 0, 0x8b, 1, dst, base, index, scale, disp, false);
    this.end();
  }

  /** movsxd dst, dword [mem] (sign-extends to 64 bits). */
  load32sx(dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 1, 0x63, 1, dst, base, index, scale, disp, false);
    this.end();
  }

  /** movsxd dst, src32. */
  movsxd(dst: number, src: number): void {
    this.n = 0;
    this.rr(0, 1, 0x63, 1, dst, src, false);
    this.end();
  }

  /** mov dword [mem], src32. */
  store32(src: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 0, 0x89, 1, src, base, index, scale, disp, false);
    this.end();
  }

  /** mov dword [mem], imm32 (e.g. a TValue tag). */
  store32I(imm: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 0, 0xc7, 1, 0, base, index, scale, disp, false);
    this.i32(imm);
    this.end();
  }

  /** mov qword [mem], imm32 sign-extended. */
  store64I(imm: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 1, 0xc7, 1, 0, base, index, scale, disp, false);
    this.i32(imm);
    this.end();
  }

  /** movzx dst32, byte [mem]. */
  load8zx(dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 0, 0x0fb6, 2, dst, base, index, scale, disp, false);
    this.end();
  }

  /** movzx dst32, src8 (src 4..7 are spl..dil, so a REX prefix is forced). */
  movzx8(dst: number, src: number): void {
    this.n = 0;
    this.rr(0, 0, 0x0fb6, 2, dst, src, src >= 4 && src < 8);
    this.end();
  }

  /** lea dst, [mem]. */
  lea(dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 1, 0x8d, 1, dst, base, index, scale, disp, false);
    this.end();
  }

  push(r: number): void {
    this.n = 0;
    if (r >= 8) this.b(0x41);
    this.b(0x50 + (r & 7));
    this.end();
  }

  /** push imm32 sign-extended to 64 bits (imm8 form when it fits). */
  pushI(imm: number): void {
    this.n = 0;
    if (isInt8(imm)) {
      this.b(0x6a);
      this.b(imm);
    } else {
      this.b(0x68);
      this.i32(imm);
    }
    this.end();
  }

  pop(r: number): void {
    this.n = 0;
    if (r >= 8) this.b(0x41);
    this.b(0x58 + (r & 7));
    this.end();
  }

  // ---- integer arithmetic --------------------------------------------------------------

  /** op dst, src (64-bit) for op in ALU_*. */
  aluRR(op: number, dst: number, src: number): void {
    this.n = 0;
    this.rr(0, 1, op * 8 + 1, 1, src, dst, false);
    this.end();
  }

  /** op dst32, src32. */
  aluRR32(op: number, dst: number, src: number): void {
    this.n = 0;
    this.rr(0, 0, op * 8 + 1, 1, src, dst, false);
    this.end();
  }

  /** op dst, imm32 sign-extended (imm8 form when it fits). */
  aluRI(op: number, dst: number, imm: number): void {
    this.n = 0;
    if (isInt8(imm)) {
      this.rr(0, 1, 0x83, 1, op, dst, false);
      this.b(imm);
    } else {
      this.rr(0, 1, 0x81, 1, op, dst, false);
      this.i32(imm);
    }
    this.end();
  }

  /** op dst32, imm32 (e.g. a tag compare on a loaded tag). */
  aluRI32(op: number, dst: number, imm: number): void {
    this.n = 0;
    if (isInt8(imm)) {
      this.rr(0, 0, 0x83, 1, op, dst, false);
      this.b(imm);
    } else {
      this.rr(0, 0, 0x81, 1, op, dst, false);
      this.i32(imm);
    }
    this.end();
  }

  /** op dst32, dword [mem]. */
  aluRM32(op: number, dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 0, op * 8 + 3, 1, dst, base, index, scale, disp, false);
    this.end();
  }

  /** op dst, qword [mem]. */
  aluRM(op: number, dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 1, op * 8 + 3, 1, dst, base, index, scale, disp, false);
    this.end();
  }

  /** op dword [mem], imm (a tag guard is aluMI32(ALU_CMP, ...)). */
  aluMI32(op: number, base: number, disp: number, imm: number, index = NOREG, scale = 1): void {
    this.aluMI(0, op, base, disp, imm, index, scale);
  }

  /** op qword [mem], imm32 sign-extended. */
  aluMI64(op: number, base: number, disp: number, imm: number, index = NOREG, scale = 1): void {
    this.aluMI(1, op, base, disp, imm, index, scale);
  }

  /** test a, b (64-bit). */
  testRR(a: number, b: number): void {
    this.n = 0;
    this.rr(0, 1, 0x85, 1, b, a, false);
    this.end();
  }

  /** test r, imm32 sign-extended. */
  testRI(r: number, imm: number): void {
    this.n = 0;
    this.rr(0, 1, 0xf7, 1, 0, r, false);
    this.i32(imm);
    this.end();
  }

  /** imul dst, src (64-bit; OF/CF set when the product does not fit). */
  imulRR(dst: number, src: number): void {
    this.n = 0;
    this.rr(0, 1, 0x0faf, 2, dst, src, false);
    this.end();
  }

  /** imul dst, src, imm32. */
  imulRRI(dst: number, src: number, imm: number): void {
    this.n = 0;
    if (isInt8(imm)) {
      this.rr(0, 1, 0x6b, 1, dst, src, false);
      this.b(imm);
    } else {
      this.rr(0, 1, 0x69, 1, dst, src, false);
      this.i32(imm);
    }
    this.end();
  }

  /** cqo: sign-extend rax into rdx:rax (before idiv). */
  cqo(): void {
    this.n = 0;
    this.b(0x48);
    this.b(0x99);
    this.end();
  }

  /** idiv r (rdx:rax / r -> rax quotient, rdx remainder). */
  idiv(r: number): void {
    this.n = 0;
    this.rr(0, 1, 0xf7, 1, 7, r, false);
    this.end();
  }

  neg(r: number): void {
    this.n = 0;
    this.rr(0, 1, 0xf7, 1, 3, r, false);
    this.end();
  }

  not(r: number): void {
    this.n = 0;
    this.rr(0, 1, 0xf7, 1, 2, r, false);
    this.end();
  }

  /** Shift/rotate r by imm (SH_*); D1 for a count of 1. */
  shiftRI(op: number, r: number, imm: number): void {
    this.n = 0;
    if (imm === 1) this.rr(0, 1, 0xd1, 1, op, r, false);
    else {
      this.rr(0, 1, 0xc1, 1, op, r, false);
      this.b(imm);
    }
    this.end();
  }

  /** Shift/rotate r by cl. */
  shiftRCL(op: number, r: number): void {
    this.n = 0;
    this.rr(0, 1, 0xd3, 1, op, r, false);
    this.end();
  }

  /** setcc dst8. */
  setcc(cc: number, dst: number): void {
    this.n = 0;
    this.rr(0, 0, 0x0f90 + cc, 2, 0, dst, dst >= 4 && dst < 8);
    this.end();
  }

  /** cmovcc dst, src (64-bit). */
  cmov(cc: number, dst: number, src: number): void {
    this.n = 0;
    this.rr(0, 1, 0x0f40 + cc, 2, dst, src, false);
    this.end();
  }

  // ---- SSE2 doubles --------------------------------------------------------------------

  /** op dst, src for op in SSE_* (ucomisd: compare dst with src). */
  sseRR(op: number, dst: number, src: number): void {
    this.n = 0;
    this.rr(op >> 8, 0, 0x0f00 | (op & 0xff), 2, dst, src, false);
    this.end();
  }

  /** op dst, qword [mem] for op in SSE_* (movsd: a load). */
  sseRM(op: number, dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(op >> 8, 0, 0x0f00 | (op & 0xff), 2, dst, base, index, scale, disp, false);
    this.end();
  }

  /** movsd dst, qword [mem]. */
  loadsd(dst: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.sseRM(SSE_MOVSD, dst, base, disp, index, scale);
  }

  /** movsd qword [mem], src. */
  storesd(src: number, base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0xf2, 0, 0x0f11, 2, src, base, index, scale, disp, false);
    this.end();
  }

  /** cvtsi2sd xmm, r64. */
  cvtsi2sd(dst: number, src: number): void {
    this.n = 0;
    this.rr(0xf2, 1, 0x0f2a, 2, dst, src, false);
    this.end();
  }

  /** cvttsd2si r64, xmm (truncates; 0x8000000000000000 when out of range or NaN). */
  cvttsd2si(dst: number, src: number): void {
    this.n = 0;
    this.rr(0xf2, 1, 0x0f2c, 2, dst, src, false);
    this.end();
  }

  /** movq xmm, r64. */
  movqXR(dst: number, src: number): void {
    this.n = 0;
    this.rr(0x66, 1, 0x0f6e, 2, dst, src, false);
    this.end();
  }

  /** movq r64, xmm. */
  movqRX(dst: number, src: number): void {
    this.n = 0;
    this.rr(0x66, 1, 0x0f7e, 2, src, dst, false);
    this.end();
  }

  /** roundsd dst, src, mode (SSE4.1: check cpuFeatures().sse41 first). */
  roundsd(dst: number, src: number, mode: number): void {
    this.n = 0;
    this.rr(0x66, 0, 0x0f3a0b, 3, dst, src, false);
    this.b(mode);
    this.end();
  }

  // ---- control flow --------------------------------------------------------------------

  ret(): void {
    this.n = 0;
    this.b(0xc3);
    this.end();
  }

  /** ud2: traps (SIGILL); marks code that must never be reached. */
  ud2(): void {
    this.n = 0;
    this.b(0x0f);
    this.b(0x0b);
    this.end();
  }

  /** call r64. */
  callR(r: number): void {
    this.n = 0;
    this.rr(0, 0, 0xff, 1, 2, r, false);
    this.end();
  }

  /** jmp r64. */
  jmpR(r: number): void {
    this.n = 0;
    this.rr(0, 0, 0xff, 1, 4, r, false);
    this.end();
  }

  /** jmp qword [mem]. */
  jmpM(base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 0, 0xff, 1, 4, base, index, scale, disp, false);
    this.end();
  }

  /** call qword [mem]. */
  callM(base: number, disp: number, index = NOREG, scale = 1): void {
    this.n = 0;
    this.rm(0, 0, 0xff, 1, 2, base, index, scale, disp, false);
    this.end();
  }

  /** jmp to a label already emitted (rel8 when it reaches). */
  jmp(target: number): void {
    const rel = this.here() - target;
    if (isInt8(rel)) this.short(0xeb, rel);
    else this.jmp32(target);
  }

  /** jmp rel32 (patchable). */
  jmp32(target: number): void {
    const rel = this.here() - target;
    this.n = 0;
    this.b(0xe9);
    this.i32(rel);
    this.end();
  }

  /** jcc to a label already emitted (rel8 when it reaches). */
  jcc(cc: number, target: number): void {
    const rel = this.here() - target;
    if (isInt8(rel)) this.short(0x70 + cc, rel);
    else this.jcc32(cc, target);
  }

  /** jcc rel32 (patchable: guards whose exit may later become a side trace). */
  jcc32(cc: number, target: number): void {
    const rel = this.here() - target;
    this.n = 0;
    this.b(0x0f);
    this.b(0x80 + cc);
    this.i32(rel);
    this.end();
  }

  /** jmp rel32 to an absolute address (needs setEndAddress; throws if out of reach). */
  jmpAbs(addr: number): void {
    const rel = this.relTo(addr);
    this.n = 0;
    this.b(0xe9);
    this.i32(rel);
    this.end();
  }

  /** jcc rel32 to an absolute address. */
  jccAbs(cc: number, addr: number): void {
    const rel = this.relTo(addr);
    this.n = 0;
    this.b(0x0f);
    this.b(0x80 + cc);
    this.i32(rel);
    this.end();
  }

  /** call rel32 to an absolute address. */
  callAbs(addr: number): void {
    const rel = this.relTo(addr);
    this.n = 0;
    this.b(0xe8);
    this.i32(rel);
    this.end();
  }

  /** Rewrites the rel32 of a jump/jcc/call whose END is `site` (its here() before it was
   *  emitted) so it goes to `target` (another label). */
  patchRel32(site: number, target: number): void {
    this.put32(this.buf.length - site - 4, site - target);
  }

  /** True if the absolute address is reachable with rel32 from anywhere in this code. */
  reaches(addr: number): boolean {
    if (this.endAddress < 0) return false;
    return isInt32(addr - (this.endAddress - this.size)) && isInt32(addr - this.endAddress);
  }

  // ---- encoding core ---------------------------------------------------------------------

  private relTo(addr: number): number {
    if (this.endAddress < 0) throw new Error('x64: absolute branch needs setEndAddress()');
    // end of this instruction = endAddress - here()
    const rel = addr - (this.endAddress - this.here());
    if (!isInt32(rel)) throw new RangeError(`x64: target 0x${addr.toString(16)} is out of rel32 reach`);
    return rel;
  }

  private aluMI(w: number, op: number, base: number, disp: number, imm: number, index: number, scale: number): void {
    this.n = 0;
    if (isInt8(imm)) {
      this.rm(0, w, 0x83, 1, op, base, index, scale, disp, false);
      this.b(imm);
    } else {
      this.rm(0, w, 0x81, 1, op, base, index, scale, disp, false);
      this.i32(imm);
    }
    this.end();
  }

  private short(op: number, rel: number): void {
    this.n = 0;
    this.b(op);
    this.b(rel);
    this.end();
  }

  private b(x: number): void {
    this.s[this.n++] = x & 0xff;
  }

  private i32(x: number): void {
    this.b(x);
    this.b(x >> 8);
    this.b(x >> 16);
    this.b(x >> 24);
  }

  /** Legacy prefix, REX, then the 1-3 opcode bytes (packed big-endian in `op`). */
  private head(pfx: number, rex: number, force: boolean, op: number, opLen: number): void {
    if (pfx !== 0) this.b(pfx);
    if (rex !== 0 || force) this.b(0x40 | rex);
    if (opLen === 3) this.b(op >> 16);
    if (opLen >= 2) this.b(op >> 8);
    this.b(op);
  }

  /** Register-direct ModRM (mod = 11): `reg` is a register or an opcode /digit. */
  private rr(pfx: number, w: number, op: number, opLen: number, reg: number, rm: number, forceRex: boolean): void {
    const rex = (w << 3) | ((reg & 8) >> 1) | ((rm & 8) >> 3);
    this.head(pfx, rex, forceRex, op, opLen);
    this.b(0xc0 | ((reg & 7) << 3) | (rm & 7));
  }

  /** Memory ModRM (+SIB, +disp). rsp/r12 as base need a SIB byte; rbp/r13 as base have no
   *  mod=00 form (it means RIP-relative / no base), so they get a disp8 of 0. */
  private rm(
    pfx: number, w: number, op: number, opLen: number, reg: number,
    base: number, index: number, scale: number, disp: number, forceRex: boolean,
  ): void {
    if (base < 0 || base > 15) throw new RangeError(`x64: bad base register ${base}`);
    if (index === 4) throw new RangeError('x64: rsp cannot be an index register');
    if (!isInt32(disp)) throw new RangeError(`x64: displacement ${disp} does not fit 32 bits`);
    const hasIndex = index !== NOREG;
    const ss = hasIndex ? SCALE_BITS[scale] ?? -1 : 0;
    if (ss < 0) throw new RangeError(`x64: bad scale ${scale}`);
    const rex = (w << 3) | ((reg & 8) >> 1) | (hasIndex ? (index & 8) >> 2 : 0) | ((base & 8) >> 3);
    this.head(pfx, rex, forceRex, op, opLen);
    const mod = disp === 0 && (base & 7) !== 5 ? 0 : isInt8(disp) ? 1 : 2;
    if (hasIndex || (base & 7) === 4) {
      this.b((mod << 6) | ((reg & 7) << 3) | 4);
      this.b((ss << 6) | ((hasIndex ? index & 7 : 4) << 3) | (base & 7));
    } else {
      this.b((mod << 6) | ((reg & 7) << 3) | (base & 7));
    }
    if (mod === 1) this.b(disp);
    else if (mod === 2) this.i32(disp);
  }

  /** Prepends the instruction built in `s`. */
  private end(): void {
    const n = this.n;
    if (this.top < n) this.grow(n);
    const top = this.top - n;
    const buf = this.buf;
    const s = this.s;
    for (let i = 0; i < n; i++) buf[top + i] = s[i]!;
    this.top = top;
  }

  private grow(need: number): void {
    const used = this.size;
    let cap = this.buf.length * 2;
    while (cap - used < need) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(this.buf.subarray(this.top), cap - used);
    this.buf = nb;
    this.top = cap - used;
  }

  private put32(at: number, v: number): void {
    this.buf[at] = v & 0xff;
    this.buf[at + 1] = (v >> 8) & 0xff;
    this.buf[at + 2] = (v >> 16) & 0xff;
    this.buf[at + 3] = (v >> 24) & 0xff;
  }
}
