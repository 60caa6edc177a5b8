// The math library (lmathlib.c), including the LUA_COMPAT_MATHLIB functions the reference
// build has (atan2 cosh sinh tanh pow frexp ldexp log10). Integer results follow 5.4: floor,
// ceil and modf give integers when the value fits an int64, abs and fmod keep integers
// integers (with int64 wrap-around), random uses stdlib/pure/random.ts so a seed gives
// lua5.4's sequence.

import { Tag } from '../lang/heap/tags.js';
import type { LuaState } from '../lang/vm/state.js';
import type { HostFn } from '../lang/vm/types.js';
import { LuaRandom } from './pure/random.js';

const TWO63 = 9223372036854775808;

/** lua_numbertointeger + push: the float as an integer when it fits an int64. */
function pushNumInt(L: LuaState, d: number): void {
  if (d >= -TWO63 && d < TWO63) {
    if (Number.isSafeInteger(d)) L.pushInteger(d === 0 ? 0 : d);
    else L.pushInteger(BigInt(d));
  } else {
    L.pushNumber(d);
  }
}

/** lua_compare; restores the frame base after a Lua __lt (see the note in table.ts). */
function lessThan(L: LuaState, a: number, b: number): boolean {
  const base = L.base;
  const r = L.compare(a, b, 1);
  L.base = base;
  return r;
}

const isInt = (L: LuaState, i: number): boolean => L.type(i) === Tag.Int;

/** Small-integer fast read: the int64 at idx as a JS number when it is an int32, else null. */
function smallInt(L: LuaState, idx: number): number | null {
  const v = L.toIntegerX(idx)!;
  return (v | 0) === v ? v : null;
}

const abs: HostFn = (L) => {
  if (isInt(L, 1)) {
    const v = smallInt(L, 1);
    if (v !== null) L.pushInteger(v < 0 ? -v : v);
    else {
      const b = L.toInt64X(1)!;
      L.pushInteger(b < 0n ? -b : b); // pushInteger wraps: abs(mininteger) == mininteger
    }
  } else {
    L.pushNumber(Math.abs(L.checkNumber(1)));
  }
  return 1;
};

function f1(fn: (x: number) => number): HostFn {
  return (L) => { L.pushNumber(fn(L.checkNumber(1))); return 1; };
}

const atan: HostFn = (L) => {
  const y = L.checkNumber(1);
  const x = L.optNumber(2, 1);
  L.pushNumber(Math.atan2(y, x));
  return 1;
};

const tointeger: HostFn = (L) => {
  const t = L.type(1);
  if (t === Tag.Int) { L.settop(1); return 1; }
  const v = t === Tag.Float || t === Tag.Str ? L.toInt64X(1) : undefined;
  if (v !== undefined) L.pushInteger(v);
  else { L.checkAny(1); L.pushNil(); }
  return 1;
};

const floor: HostFn = (L) => {
  if (isInt(L, 1)) { L.settop(1); return 1; }
  pushNumInt(L, Math.floor(L.checkNumber(1)));
  return 1;
};

const ceil: HostFn = (L) => {
  if (isInt(L, 1)) { L.settop(1); return 1; }
  pushNumInt(L, Math.ceil(L.checkNumber(1)));
  return 1;
};

const fmod: HostFn = (L) => {
  if (isInt(L, 1) && isInt(L, 2)) {
    const a = smallInt(L, 1), d = smallInt(L, 2);
    if (a !== null && d !== null) {
      if (d === 0) L.argError(2, 'zero');
      const r = d === -1 ? 0 : a % d;
      L.pushInteger(r === 0 ? 0 : r);
    } else {
      const bd = L.toInt64X(2)!;
      if (bd === 0n) L.argError(2, 'zero');
      L.pushInteger(bd === -1n ? 0n : L.toInt64X(1)! % bd); // bigint % truncates, as C does
    }
  } else {
    // lua5.4 (gcc) evaluates the second luaL_checknumber first; JS % on floats is C's fmod
    const y = L.checkNumber(2);
    L.pushNumber(L.checkNumber(1) % y);
  }
  return 1;
};

const modf: HostFn = (L) => {
  if (isInt(L, 1)) {
    L.settop(1);
    L.pushNumber(0);
  } else {
    const n = L.checkNumber(1);
    const ip = n < 0 ? Math.ceil(n) : Math.floor(n);
    pushNumInt(L, ip);
    L.pushNumber(n === ip ? 0 : n - ip);
  }
  return 2;
};

const ult: HostFn = (L) => {
  const a = L.checkInt64(1);
  const b = L.checkInt64(2);
  L.pushBoolean(BigInt.asUintN(64, a) < BigInt.asUintN(64, b));
  return 1;
};

const log: HostFn = (L) => {
  const x = L.checkNumber(1);
  let res: number;
  if (L.isNoneOrNil(2)) res = Math.log(x);
  else {
    const base = L.checkNumber(2);
    if (base === 2) res = Math.log2(x);
    else if (base === 10) res = Math.log10(x);
    else res = Math.log(x) / Math.log(base);
  }
  L.pushNumber(res);
  return 1;
};

const PI = Math.PI;

const deg: HostFn = (L) => { L.pushNumber(L.checkNumber(1) * (180 / PI)); return 1; };
const rad: HostFn = (L) => { L.pushNumber(L.checkNumber(1) * (PI / 180)); return 1; };

const min: HostFn = (L, _b, n) => {
  let imin = 1;
  L.argCheck(n >= 1, 1, 'value expected');
  for (let i = 2; i <= n; i++) {
    if (lessThan(L, i, imin)) imin = i;
  }
  L.pushValue(imin);
  return 1;
};

const max: HostFn = (L, _b, n) => {
  let imax = 1;
  L.argCheck(n >= 1, 1, 'value expected');
  for (let i = 2; i <= n; i++) {
    if (lessThan(L, imax, i)) imax = i;
  }
  L.pushValue(imax);
  return 1;
};

const type: HostFn = (L) => {
  const t = L.type(1);
  if (t === Tag.Int) L.pushString('integer');
  else if (t === Tag.Float) L.pushString('float');
  else { L.checkAny(1); L.pushNil(); }
  return 1;
};

// ---- deprecated (LUA_COMPAT_MATHLIB) -----------------------------------------------------

const pow: HostFn = (L) => {
  const x = L.checkNumber(1);
  const y = L.checkNumber(2);
  L.pushNumber(Math.pow(x, y));
  return 1;
};

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: 1

/** C's frexp: x = m * 2^e with 0.5 <= |m| < 1 (x itself and 0 for 0, inf, nan). */
function frexpParts(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  F64[0] = x;
  let e = (U32[HI]! >>> 20) & 0x7ff;
  let bias = 0;
  if (e === 0) { // subnormal: scale into the normal range first
    F64[0] = x * 18014398509481984; // 2^54
    e = (U32[HI]! >>> 20) & 0x7ff;
    bias = 54;
  }
  U32[HI] = (U32[HI]! & 0x800fffff) | (1022 << 20);
  return [F64[0]!, e - 1022 - bias];
}

const frexp: HostFn = (L) => {
  const [m, e] = frexpParts(L.checkNumber(1));
  L.pushNumber(m);
  L.pushInteger(e);
  return 2;
};

/** 2^n for -1022 <= n <= 1023, built from its bits (exact). */
function pow2(n: number): number {
  U32[HI ^ 1] = 0;
  U32[HI] = (n + 1023) << 20;
  return F64[0]!;
}

/** C's ldexp (scalbn): x * 2^e with one final rounding; large steps first so intermediate
 *  powers of two stay representable. */
export function ldexpNum(x: number, e: number): number {
  if (e > 1023) {
    x *= pow2(1023); e -= 1023;
    if (e > 1023) { x *= pow2(1023); e -= 1023; if (e > 1023) e = 1023; }
  } else if (e < -1022) {
    x *= pow2(-969); e += 969;
    if (e < -1022) { x *= pow2(-969); e += 969; if (e < -1022) e = -1022; }
  }
  return x * pow2(e);
}

const ldexp: HostFn = (L) => {
  const x = L.checkNumber(1);
  const ep = Number(BigInt.asIntN(32, L.checkInt64(2))); // (int) cast, as C
  L.pushNumber(ldexpNum(x, ep));
  return 1;
};

// ---- random ------------------------------------------------------------------------------

function makeRandom(r: LuaRandom): { random: HostFn; randomseed: HostFn } {
  /** luaL_checkinteger after the draw C makes first: a failed check still advances. */
  const argInt = (L: LuaState, arg: number): number | bigint => {
    const v = L.toIntegerX(arg);
    if (v === undefined) { r.random(); L.checkInteger(arg); }
    return Number.isSafeInteger(v) ? v! : L.toInt64X(arg)!;
  };
  const random: HostFn = (L, _b, n) => {
    let low: number | bigint, up: number | bigint;
    switch (n) {
      case 0:
        L.pushNumber(r.random());
        return 1;
      case 1:
        low = 1;
        up = argInt(L, 1);
        if (up === 0) { L.pushInteger(r.random0()); return 1; }
        break;
      case 2:
        low = argInt(L, 1);
        up = argInt(L, 2);
        break;
      default:
        r.random();
        return L.errorMsg('wrong number of arguments');
    }
    if (!(low <= up)) { r.random(); L.argError(1, 'interval is empty'); }
    if (typeof low === 'number' && typeof up === 'number') L.pushInteger(r.randomRangeNum(low, up));
    else L.pushInteger(r.randomRange(BigInt(low), BigInt(up)));
    return 1;
  };
  const randomseed: HostFn = (L) => {
    let n1: bigint, n2: bigint;
    if (L.isNone(1)) {
      [n1, n2] = r.seedRandom();
    } else {
      n1 = L.checkInt64(1);
      n2 = L.isNoneOrNil(2) ? 0n : L.checkInt64(2);
      r.seed(n1, n2);
    }
    L.pushInteger(n1);
    L.pushInteger(n2);
    return 2;
  };
  return { random, randomseed };
}

export function openMath(L: LuaState): number {
  const { random, randomseed } = makeRandom(new LuaRandom());
  L.newLib({
    abs, acos: f1(Math.acos), asin: f1(Math.asin), atan, ceil, cos: f1(Math.cos), deg,
    exp: f1(Math.exp), tointeger, floor, fmod, ult, log, max, min, modf, rad,
    sin: f1(Math.sin), sqrt: f1(Math.sqrt), tan: f1(Math.tan), type,
    atan2: atan, cosh: f1(Math.cosh), sinh: f1(Math.sinh), tanh: f1(Math.tanh), pow, frexp,
    ldexp, log10: f1(Math.log10), random, randomseed,
  });
  L.pushNumber(PI);
  L.setField(-2, 'pi');
  L.pushNumber(Infinity);
  L.setField(-2, 'huge');
  L.pushInteger(9223372036854775807n);
  L.setField(-2, 'maxinteger');
  L.pushInteger(-9223372036854775808n);
  L.setField(-2, 'mininteger');
  return 1;
}
