// Constant folding of numeric operations with Lua 5.4's exact semantics (int64 wrap-around,
// floor division and modulo, logical shifts). Only lcode.c's foldable cases reach here:
// the caller refuses folds that could raise an error at run time.

export type Num = { int: true; v: bigint } | { int: false; v: number };

/** Arithmetic operators in the order of lua.h's LUA_OP* (and of the binary opcodes). */
export const enum ArithOp {
  ADD = 0, SUB, MUL, MOD, POW, DIV, IDIV, BAND, BOR, BXOR, SHL, SHR, UNM, BNOT,
}

const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);
const TWO63 = 9223372036854775808;

/** Float to integer when the float has an exact integer value in range (F2Ieq). */
export function floatToInt(n: number): bigint | null {
  if (!Number.isInteger(n) || n < -TWO63 || n >= TWO63) return null;
  return BigInt(n);
}

function toInt(a: Num): bigint | null {
  return a.int ? a.v : floatToInt(a.v);
}
const toFlt = (a: Num): number => (a.int ? Number(a.v) : a.v);

/** C's pow where it differs from Math.pow (base 1, base -1 with infinite exponent). */
export function cpow(a: number, b: number): number {
  if (a === 1) return 1;
  if (b === 2) return a * a;
  if (a === -1 && !Number.isFinite(b) && !Number.isNaN(b)) return 1;
  return Math.pow(a, b);
}

export function fltMod(a: number, b: number): number {
  let m = a % b;
  if (m > 0 ? b < 0 : (m < 0 && b > 0)) m += b;
  return m;
}

export function intMod(a: bigint, b: bigint): bigint {
  if (b === -1n) return 0n;
  let m = a % b;
  if (m !== 0n && (m ^ b) < 0n) m += b;
  return m;
}

export function intIDiv(a: bigint, b: bigint): bigint {
  if (b === -1n) return wrap(-a);
  let q = a / b;
  if ((a ^ b) < 0n && a % b !== 0n) q -= 1n;
  return q;
}

export function shiftLeft(x: bigint, y: bigint): bigint {
  if (y < 0n) {
    if (y <= -64n) return 0n;
    return wrap(BigInt.asUintN(64, x) >> -y);
  }
  if (y >= 64n) return 0n;
  return wrap(x << y);
}

/** True when folding `op` over these operands cannot raise an error (lcode.c's validop). */
export function validOp(op: ArithOp, a: Num, b: Num): boolean {
  switch (op) {
    case ArithOp.BAND: case ArithOp.BOR: case ArithOp.BXOR:
    case ArithOp.SHL: case ArithOp.SHR: case ArithOp.BNOT:
      return toInt(a) !== null && toInt(b) !== null;
    case ArithOp.DIV: case ArithOp.IDIV: case ArithOp.MOD:
      return toFlt(b) !== 0;
    default:
      return true;
  }
}

/** luaO_rawarith for operands already checked by validOp. */
export function arith(op: ArithOp, a: Num, b: Num): Num {
  switch (op) {
    case ArithOp.BAND: case ArithOp.BOR: case ArithOp.BXOR:
    case ArithOp.SHL: case ArithOp.SHR: case ArithOp.BNOT: {
      const x = toInt(a)!, y = toInt(b)!;
      let r: bigint;
      switch (op) {
        case ArithOp.BAND: r = x & y; break;
        case ArithOp.BOR: r = x | y; break;
        case ArithOp.BXOR: r = x ^ y; break;
        case ArithOp.SHL: r = shiftLeft(x, y); break;
        case ArithOp.SHR: r = shiftLeft(x, wrap(-y)); break;
        default: r = wrap(~x); break;
      }
      return { int: true, v: r };
    }
    case ArithOp.DIV: return { int: false, v: toFlt(a) / toFlt(b) };
    case ArithOp.POW: return { int: false, v: cpow(toFlt(a), toFlt(b)) };
    default: break;
  }
  if (a.int && b.int) {
    const x = a.v, y = b.v;
    switch (op) {
      case ArithOp.ADD: return { int: true, v: wrap(x + y) };
      case ArithOp.SUB: return { int: true, v: wrap(x - y) };
      case ArithOp.MUL: return { int: true, v: wrap(x * y) };
      case ArithOp.MOD: return { int: true, v: intMod(x, y) };
      case ArithOp.IDIV: return { int: true, v: intIDiv(x, y) };
      case ArithOp.UNM: return { int: true, v: wrap(-x) };
      default: throw new Error('unreachable');
    }
  }
  const x = toFlt(a), y = toFlt(b);
  switch (op) {
    case ArithOp.ADD: return { int: false, v: x + y };
    case ArithOp.SUB: return { int: false, v: x - y };
    case ArithOp.MUL: return { int: false, v: x * y };
    case ArithOp.MOD: return { int: false, v: fltMod(x, y) };
    case ArithOp.IDIV: return { int: false, v: Math.floor(x / y) };
    case ArithOp.UNM: return { int: false, v: -x };
    default: throw new Error('unreachable');
  }
}
