// x86-64 register numbers (as encoded: the low 3 bits go in ModRM/SIB, bit 3 in REX) and
// condition codes. GPRs and XMM registers are separate number spaces, both 0..15.

export const RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
export const R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;
/** "No register": an absent index in a memory operand. */
export const NOREG = -1;

export const XMM0 = 0, XMM1 = 1, XMM2 = 2, XMM3 = 3, XMM4 = 4, XMM5 = 5, XMM6 = 6, XMM7 = 7;
export const XMM8 = 8, XMM9 = 9, XMM10 = 10, XMM11 = 11, XMM12 = 12, XMM13 = 13, XMM14 = 14, XMM15 = 15;

export const GPR64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
export const GPR32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d'];
/** Byte registers as encoded with a REX prefix (4..7 are spl..dil, never ah..bh). */
export const GPR8 = ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil', 'r8b', 'r9b', 'r10b', 'r11b', 'r12b', 'r13b', 'r14b', 'r15b'];
export const XMM = Array.from({ length: 16 }, (_, i) => `xmm${i}`);

/** Condition codes (the low nibble of Jcc/SETcc/CMOVcc). `cc ^ 1` is the negation. */
export const CC_O = 0, CC_NO = 1, CC_B = 2, CC_AE = 3, CC_E = 4, CC_NE = 5, CC_BE = 6, CC_A = 7;
export const CC_S = 8, CC_NS = 9, CC_P = 10, CC_NP = 11, CC_L = 12, CC_GE = 13, CC_LE = 14, CC_G = 15;
export const CC_NAMES = ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'];

export function invertCC(cc: number): number {
  return cc ^ 1;
}

/** System V: caller-saved GPRs (free for a trace between calls) and the callee-saved ones a
 *  trace must preserve for enter()'s caller. */
export const CALLER_SAVED = [RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11];
export const CALLEE_SAVED = [RBX, RBP, R12, R13, R14, R15];
