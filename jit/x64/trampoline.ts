// The machine-code side of trace entry and exit (DESIGN §6 "Entry and exit"): one entry
// trampoline and one common exit handler per code memory, and a two-instruction exit stub per
// guard. The context block they share lives in the arena (native/README.md: enter() calls
// the code at ctx+0 with rdi = ctx, rsi = arena base), so TS reads the exit state with the
// arena's typed-array views and nothing is copied across N-API.
//
// Trace code runs with:
//   r15 = ctx, r14 = arena base, rbx = arena base + [ctx+CTX_BASE] (the Lua stack base),
//   rsp 16-byte aligned (C helpers may be called directly), every other register free.
// rbx/r14/r15 are callee-saved in the System V ABI, so they survive helper calls.
// Spill slots are in the context block ([r15 + CTX_SPILL + 8*k]) rather than on the native
// stack, so after an exit TS reads spilled values where the snapshot says they are.
import type { CodeMemory } from '../../native/code-memory.js';
import { ALU_ADD, ALU_SUB, X64Asm } from './encoder.js';
import { R12, R13, R14, R15, RAX, RBP, RBX, RDI, RSI, RSP } from './regs.js';

/** u64: what enter() calls: the entry trampoline. */
export const CTX_ENTRY = 0;
/** u64: address of the trace the trampoline jumps to (TS writes it before enter()). */
export const CTX_TRACE = 8;
/** u64: rsp inside the trampoline, for the exit handler to unwind to. */
export const CTX_SAVED_RSP = 16;
/** u64: number of the exit taken (also enter()'s result). */
export const CTX_EXITNO = 24;
/** u64: byte offset of the Lua stack base in the arena (TS writes; rbx = arena + this). */
export const CTX_BASE = 32;
/** 24 spare bytes for the VM: the trace's back-edge budget (u64) ... */
export const CTX_USER = 40;
/** ... and the address of the Lua heap arena (u64), for table reads. */
export const CTX_HEAP = 48;
/** 16 u64: GPRs at the exit, by register number (rsp as it was in the trace). */
export const CTX_GPR = 64;
/** 16 f64: low lanes of xmm0..xmm15 at the exit. */
export const CTX_XMM = 192;
/** Spill slots, 8 bytes each, as many as the context block was sized for. */
export const CTX_SPILL = 320;

export function contextBytes(spillSlots: number): number {
  return CTX_SPILL + 8 * spillSlots;
}

/** Registers trace code must not allocate. */
export const REG_CTX = R15;
export const REG_ARENA = R14;
export const REG_BASE = RBX;
export const RESERVED = [RSP, REG_CTX, REG_ARENA, REG_BASE];

const SAVED = [RBX, RBP, R12, R13, R14, R15];

/** Emits the entry trampoline: save callee-saved registers, align rsp, set the fixed
 *  registers, jump to [ctx+CTX_TRACE]. */
export function emitEntry(a: X64Asm): void {
  // Backwards: the last instruction first.
  a.jmpM(REG_CTX, CTX_TRACE);
  a.aluRR(ALU_ADD, REG_BASE, REG_ARENA);
  a.load64(REG_BASE, REG_CTX, CTX_BASE);
  a.store64(RSP, REG_CTX, CTX_SAVED_RSP);
  a.movRR(REG_ARENA, RSI);
  a.movRR(REG_CTX, RDI);
  a.aluRI(ALU_SUB, RSP, 8); // 6 pushes + return address: back to a multiple of 16
  for (let i = SAVED.length - 1; i >= 0; i--) a.push(SAVED[i]!);
}

/** Emits the common exit handler. Entered by `jmp` from a stub that pushed the exit number:
 *  stores every GPR and XMM register in the context, unwinds to the trampoline's frame,
 *  restores the callee-saved registers and returns the exit number from enter(). */
export function emitExitHandler(a: X64Asm): void {
  a.ret();
  for (const r of SAVED) a.pop(r);
  a.aluRI(ALU_ADD, RSP, 8);
  a.load64(RSP, REG_CTX, CTX_SAVED_RSP);
  a.store64(RAX, REG_CTX, CTX_EXITNO);
  a.pop(RAX);
  for (let x = 15; x >= 0; x--) a.storesd(x, REG_CTX, CTX_XMM + 8 * x);
  a.store64(RAX, REG_CTX, CTX_GPR + 8 * RSP);
  a.lea(RAX, RSP, 8); // the trace's rsp, before the stub's push
  for (let r = 15; r >= 0; r--) if (r !== RSP) a.store64(r, REG_CTX, CTX_GPR + 8 * r);
}

/** Emits one exit stub: `push n; jmp handler` (needs a.setEndAddress). Guards jcc to it. */
export function emitExitStub(a: X64Asm, exitNo: number, handlerAddress: number): void {
  a.jmpAbs(handlerAddress);
  a.pushI(exitNo);
}

export interface Trampolines {
  /** Write this at ctx+CTX_ENTRY. */
  entry: number;
  /** Exit stubs jump here. */
  exitHandler: number;
}

/** Assembles the trampoline and the exit handler into one executable block. */
export function installTrampolines(mem: CodeMemory): Trampolines {
  const handler = new X64Asm(256);
  emitExitHandler(handler);
  const entry = new X64Asm(64);
  emitEntry(entry);
  const block = mem.alloc(handler.size + 16 + entry.size);
  const entryAt = 0;
  const handlerAt = block.size - handler.size; // 16 bytes apart at least, both inside
  mem.write(block, entryAt, entry.view());
  mem.write(block, handlerAt, handler.view());
  mem.markExec(block);
  return { entry: block.address + entryAt, exitHandler: block.address + handlerAt };
}
