// The instruction set: one table read by the compiler, the interpreter, the listing (`-l`)
// and the JIT recorder. It is Lua 5.4.4's set and encoding (lopcodes.h), kept identical so that
// `luac5.4 -l` listings are a reference for the compiler and lvm.c's rules for the interpreter.
//
// Encoding of a 32-bit instruction (bit 0 is the lowest):
//   iABC : op 0-6 | A 7-14 | k 15 | B 16-23 | C 24-31
//   iABx : op 0-6 | A 7-14 | Bx 15-31              (sBx = Bx - Fmt.OFFSET_sBx)
//   iAx  : op 0-6 | Ax 7-31
//   isJ  : op 0-6 | sJ 7-31                        (sJ stored + Fmt.OFFSET_sJ)
// Signed B/C operands (sB, sC) are stored + Fmt.OFFSET_sC. Instructions are stored in an
// Int32Array, so read fields with unsigned shifts (`>>>`).

export const enum OpMode { ABC = 0, ABx = 1, AsBx = 2, Ax = 3, sJ = 4 }

export const enum Op {
  /** R[A] := R[B] */
  MOVE = 0,
  /** R[A] := sBx (integer) */
  LOADI = 1,
  /** R[A] := sBx as a float */
  LOADF = 2,
  /** R[A] := K[Bx] */
  LOADK = 3,
  /** R[A] := K[Ax of the EXTRAARG that follows] */
  LOADKX = 4,
  /** R[A] := false */
  LOADFALSE = 5,
  /** R[A] := false; skip the next instruction */
  LFALSESKIP = 6,
  /** R[A] := true */
  LOADTRUE = 7,
  /** R[A] .. R[A+B] := nil */
  LOADNIL = 8,
  /** R[A] := Up[B] */
  GETUPVAL = 9,
  /** Up[B] := R[A] */
  SETUPVAL = 10,
  /** R[A] := Up[B][K[C]] (K[C] a short string) */
  GETTABUP = 11,
  /** R[A] := R[B][R[C]] */
  GETTABLE = 12,
  /** R[A] := R[B][C] (C an unsigned integer) */
  GETI = 13,
  /** R[A] := R[B][K[C]] (K[C] a short string) */
  GETFIELD = 14,
  /** Up[A][K[B]] := RK(C) (K[B] a short string) */
  SETTABUP = 15,
  /** R[A][R[B]] := RK(C) */
  SETTABLE = 16,
  /** R[A][B] := RK(C) */
  SETI = 17,
  /** R[A][K[B]] := RK(C) (K[B] a short string) */
  SETFIELD = 18,
  /** R[A] := {} sized by B (hash, log2+1) and C (+EXTRAARG if k) (array) */
  NEWTABLE = 19,
  /** R[A+1] := R[B]; R[A] := R[B][RK(C)] */
  SELF = 20,
  /** R[A] := R[B] + sC */
  ADDI = 21,
  /** R[A] := R[B] + K[C] (number) */
  ADDK = 22,
  /** R[A] := R[B] - K[C] (number) */
  SUBK = 23,
  /** R[A] := R[B] * K[C] (number) */
  MULK = 24,
  /** R[A] := R[B] % K[C] (number) */
  MODK = 25,
  /** R[A] := R[B] ^ K[C] (number) */
  POWK = 26,
  /** R[A] := R[B] / K[C] (number) */
  DIVK = 27,
  /** R[A] := R[B] // K[C] (number) */
  IDIVK = 28,
  /** R[A] := R[B] & K[C] (integer) */
  BANDK = 29,
  /** R[A] := R[B] | K[C] (integer) */
  BORK = 30,
  /** R[A] := R[B] ~ K[C] (integer) */
  BXORK = 31,
  /** R[A] := R[B] >> sC */
  SHRI = 32,
  /** R[A] := sC << R[B] */
  SHLI = 33,
  /** R[A] := R[B] + R[C] */
  ADD = 34,
  /** R[A] := R[B] - R[C] */
  SUB = 35,
  /** R[A] := R[B] * R[C] */
  MUL = 36,
  /** R[A] := R[B] % R[C] */
  MOD = 37,
  /** R[A] := R[B] ^ R[C] */
  POW = 38,
  /** R[A] := R[B] / R[C] */
  DIV = 39,
  /** R[A] := R[B] // R[C] */
  IDIV = 40,
  /** R[A] := R[B] & R[C] */
  BAND = 41,
  /** R[A] := R[B] | R[C] */
  BOR = 42,
  /** R[A] := R[B] ~ R[C] */
  BXOR = 43,
  /** R[A] := R[B] << R[C] */
  SHL = 44,
  /** R[A] := R[B] >> R[C] */
  SHR = 45,
  /** metamethod C over R[A], R[B]; result to the A of the previous instruction */
  MMBIN = 46,
  /** metamethod C over R[A], sB (operands swapped if k) */
  MMBINI = 47,
  /** metamethod C over R[A], K[B] (operands swapped if k) */
  MMBINK = 48,
  /** R[A] := -R[B] */
  UNM = 49,
  /** R[A] := ~R[B] */
  BNOT = 50,
  /** R[A] := not R[B] */
  NOT = 51,
  /** R[A] := #R[B] */
  LEN = 52,
  /** R[A] := R[A] .. ... .. R[A+B-1] */
  CONCAT = 53,
  /** close upvalues and to-be-closed variables >= R[A] */
  CLOSE = 54,
  /** mark R[A] to be closed */
  TBC = 55,
  /** pc += sJ */
  JMP = 56,
  /** if ((R[A] == R[B]) ~= k) then pc++ */
  EQ = 57,
  /** if ((R[A] < R[B]) ~= k) then pc++ */
  LT = 58,
  /** if ((R[A] <= R[B]) ~= k) then pc++ */
  LE = 59,
  /** if ((R[A] == K[B]) ~= k) then pc++ */
  EQK = 60,
  /** if ((R[A] == sB) ~= k) then pc++ (C: 1 if sB was a float literal) */
  EQI = 61,
  /** if ((R[A] < sB) ~= k) then pc++ */
  LTI = 62,
  /** if ((R[A] <= sB) ~= k) then pc++ */
  LEI = 63,
  /** if ((R[A] > sB) ~= k) then pc++ */
  GTI = 64,
  /** if ((R[A] >= sB) ~= k) then pc++ */
  GEI = 65,
  /** if (not R[A] == k) then pc++ */
  TEST = 66,
  /** if (not R[B] == k) then pc++ else R[A] := R[B] */
  TESTSET = 67,
  /** R[A] .. R[A+C-2] := R[A](R[A+1] .. R[A+B-1]); B=0: args to top; C=0: results to top */
  CALL = 68,
  /** return R[A](R[A+1] .. R[A+B-1]); k: close upvalues first */
  TAILCALL = 69,
  /** return R[A] .. R[A+B-2]; B=0: to top; k: close first; C>0: vararg function with C-1 params */
  RETURN = 70,
  /** return */
  RETURN0 = 71,
  /** return R[A] */
  RETURN1 = 72,
  /** update the numeric loop counters; if the loop continues, pc -= Bx */
  FORLOOP = 73,
  /** check and prepare the numeric loop; if it runs zero times, pc += Bx + 1 */
  FORPREP = 74,
  /** mark R[A+3] to be closed; pc += Bx */
  TFORPREP = 75,
  /** R[A+4] .. R[A+3+C] := R[A](R[A+1], R[A+2]) */
  TFORCALL = 76,
  /** if R[A+4] ~= nil then { R[A+2] := R[A+4]; pc -= Bx } */
  TFORLOOP = 77,
  /** R[A][C+i] := R[A+i] for 1 <= i <= B (B=0: to top; k: C += EXTRAARG * 256) */
  SETLIST = 78,
  /** R[A] := closure(protos[Bx]) */
  CLOSURE = 79,
  /** R[A] .. R[A+C-2] := varargs (C=0: all, to top) */
  VARARG = 80,
  /** move the fixed parameters above the varargs (A = number of fixed parameters) */
  VARARGPREP = 81,
  /** extra, larger argument for the previous instruction */
  EXTRAARG = 82,
}

export const NUM_OPCODES = 83;

/** Name of each opcode, for listings and -jdump. */
export const OP_NAMES: readonly string[] = [
  'MOVE',
  'LOADI',
  'LOADF',
  'LOADK',
  'LOADKX',
  'LOADFALSE',
  'LFALSESKIP',
  'LOADTRUE',
  'LOADNIL',
  'GETUPVAL',
  'SETUPVAL',
  'GETTABUP',
  'GETTABLE',
  'GETI',
  'GETFIELD',
  'SETTABUP',
  'SETTABLE',
  'SETI',
  'SETFIELD',
  'NEWTABLE',
  'SELF',
  'ADDI',
  'ADDK',
  'SUBK',
  'MULK',
  'MODK',
  'POWK',
  'DIVK',
  'IDIVK',
  'BANDK',
  'BORK',
  'BXORK',
  'SHRI',
  'SHLI',
  'ADD',
  'SUB',
  'MUL',
  'MOD',
  'POW',
  'DIV',
  'IDIV',
  'BAND',
  'BOR',
  'BXOR',
  'SHL',
  'SHR',
  'MMBIN',
  'MMBINI',
  'MMBINK',
  'UNM',
  'BNOT',
  'NOT',
  'LEN',
  'CONCAT',
  'CLOSE',
  'TBC',
  'JMP',
  'EQ',
  'LT',
  'LE',
  'EQK',
  'EQI',
  'LTI',
  'LEI',
  'GTI',
  'GEI',
  'TEST',
  'TESTSET',
  'CALL',
  'TAILCALL',
  'RETURN',
  'RETURN0',
  'RETURN1',
  'FORLOOP',
  'FORPREP',
  'TFORPREP',
  'TFORCALL',
  'TFORLOOP',
  'SETLIST',
  'CLOSURE',
  'VARARG',
  'VARARGPREP',
  'EXTRAARG',
];

/** Operand format of each opcode. */
export const OP_MODES: readonly OpMode[] = [
  OpMode.ABC, // MOVE
  OpMode.AsBx, // LOADI
  OpMode.AsBx, // LOADF
  OpMode.ABx, // LOADK
  OpMode.ABC, // LOADKX
  OpMode.ABC, // LOADFALSE
  OpMode.ABC, // LFALSESKIP
  OpMode.ABC, // LOADTRUE
  OpMode.ABC, // LOADNIL
  OpMode.ABC, // GETUPVAL
  OpMode.ABC, // SETUPVAL
  OpMode.ABC, // GETTABUP
  OpMode.ABC, // GETTABLE
  OpMode.ABC, // GETI
  OpMode.ABC, // GETFIELD
  OpMode.ABC, // SETTABUP
  OpMode.ABC, // SETTABLE
  OpMode.ABC, // SETI
  OpMode.ABC, // SETFIELD
  OpMode.ABC, // NEWTABLE
  OpMode.ABC, // SELF
  OpMode.ABC, // ADDI
  OpMode.ABC, // ADDK
  OpMode.ABC, // SUBK
  OpMode.ABC, // MULK
  OpMode.ABC, // MODK
  OpMode.ABC, // POWK
  OpMode.ABC, // DIVK
  OpMode.ABC, // IDIVK
  OpMode.ABC, // BANDK
  OpMode.ABC, // BORK
  OpMode.ABC, // BXORK
  OpMode.ABC, // SHRI
  OpMode.ABC, // SHLI
  OpMode.ABC, // ADD
  OpMode.ABC, // SUB
  OpMode.ABC, // MUL
  OpMode.ABC, // MOD
  OpMode.ABC, // POW
  OpMode.ABC, // DIV
  OpMode.ABC, // IDIV
  OpMode.ABC, // BAND
  OpMode.ABC, // BOR
  OpMode.ABC, // BXOR
  OpMode.ABC, // SHL
  OpMode.ABC, // SHR
  OpMode.ABC, // MMBIN
  OpMode.ABC, // MMBINI
  OpMode.ABC, // MMBINK
  OpMode.ABC, // UNM
  OpMode.ABC, // BNOT
  OpMode.ABC, // NOT
  OpMode.ABC, // LEN
  OpMode.ABC, // CONCAT
  OpMode.ABC, // CLOSE
  OpMode.ABC, // TBC
  OpMode.sJ, // JMP
  OpMode.ABC, // EQ
  OpMode.ABC, // LT
  OpMode.ABC, // LE
  OpMode.ABC, // EQK
  OpMode.ABC, // EQI
  OpMode.ABC, // LTI
  OpMode.ABC, // LEI
  OpMode.ABC, // GTI
  OpMode.ABC, // GEI
  OpMode.ABC, // TEST
  OpMode.ABC, // TESTSET
  OpMode.ABC, // CALL
  OpMode.ABC, // TAILCALL
  OpMode.ABC, // RETURN
  OpMode.ABC, // RETURN0
  OpMode.ABC, // RETURN1
  OpMode.ABx, // FORLOOP
  OpMode.ABx, // FORPREP
  OpMode.ABx, // TFORPREP
  OpMode.ABC, // TFORCALL
  OpMode.ABx, // TFORLOOP
  OpMode.ABC, // SETLIST
  OpMode.ABx, // CLOSURE
  OpMode.ABC, // VARARG
  OpMode.ABC, // VARARGPREP
  OpMode.Ax, // EXTRAARG
];

/** Instruction field sizes, limits and excess-K offsets; a const enum so that tsc writes the
 *  numbers into the interpreter (V8 would read imported consts through their module cells). */
export const enum Fmt {
  SIZE_A = 8, SIZE_B = 8, SIZE_C = 8, SIZE_Bx = 17, SIZE_Ax = 25, SIZE_sJ = 25,
  MAXARG_A = (1 << SIZE_A) - 1,
  MAXARG_B = (1 << SIZE_B) - 1,
  MAXARG_C = (1 << SIZE_C) - 1,
  MAXARG_Bx = (1 << SIZE_Bx) - 1,
  MAXARG_Ax = (1 << SIZE_Ax) - 1,
  MAXARG_sJ = (1 << SIZE_sJ) - 1,
  OFFSET_sBx = MAXARG_Bx >> 1,
  OFFSET_sJ = MAXARG_sJ >> 1,
  OFFSET_sC = MAXARG_C >> 1,
}
/** Registers per function, as in Lua (limited by the A field). */
export const MAXREGS = 255;
/** SETLIST flushes the list every this many items (LFIELDS_PER_FLUSH). */
export const FIELDS_PER_FLUSH = 50;

export function getOp(i: number): Op { return (i & 0x7f) as Op; }
export function getA(i: number): number { return (i >>> 7) & 0xff; }
export function getK(i: number): number { return (i >>> 15) & 1; }
export function getB(i: number): number { return (i >>> 16) & 0xff; }
export function getC(i: number): number { return i >>> 24; }
export function getSB(i: number): number { return ((i >>> 16) & 0xff) - Fmt.OFFSET_sC; }
export function getSC(i: number): number { return (i >>> 24) - Fmt.OFFSET_sC; }
export function getBx(i: number): number { return i >>> 15; }
export function getSBx(i: number): number { return (i >>> 15) - Fmt.OFFSET_sBx; }
export function getAx(i: number): number { return i >>> 7; }
export function getSJ(i: number): number { return (i >>> 7) - Fmt.OFFSET_sJ; }

export function encABC(op: Op, a: number, b: number, c: number, k: number): number {
  return (op | (a << 7) | (k << 15) | (b << 16) | (c << 24)) | 0;
}
export function encABx(op: Op, a: number, bx: number): number {
  return (op | (a << 7) | (bx << 15)) | 0;
}
export function encAsBx(op: Op, a: number, sbx: number): number {
  return encABx(op, a, sbx + Fmt.OFFSET_sBx);
}
export function encAx(op: Op, ax: number): number {
  return (op | (ax << 7)) | 0;
}
export function encSJ(op: Op, sj: number): number {
  return (op | ((sj + Fmt.OFFSET_sJ) << 7)) | 0;
}

/** Metamethod events, in ltm.h's order; MMBIN* carry one of these in C. */
export const enum TM {
  INDEX = 0, NEWINDEX, GC, MODE, LEN, EQ,
  ADD, SUB, MUL, MOD, POW, DIV, IDIV,
  BAND, BOR, BXOR, SHL, SHR, UNM, BNOT, LT, LE,
  CONCAT, CALL, CLOSE,
}
export const TM_NAMES: readonly string[] = [
  '__index', '__newindex', '__gc', '__mode', '__len', '__eq',
  '__add', '__sub', '__mul', '__mod', '__pow', '__div', '__idiv',
  '__band', '__bor', '__bxor', '__shl', '__shr', '__unm', '__bnot', '__lt', '__le',
  '__concat', '__call', '__close',
];
