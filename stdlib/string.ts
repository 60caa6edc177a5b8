// The string library (lstrlib.c of 5.4.4): byte char dump find format gmatch gsub len lower
// match rep reverse sub upper pack packsize unpack, the string metatable (__index = string)
// and its arithmetic metamethods (__add ... __unm), through which 5.4 coerces numeric
// strings in arithmetic ("10" + 1): the VM itself never converts strings to numbers there.
//
// Lua strings are JS byte strings (char codes 0-255), and they live outside the arena, so
// holding one across a call needs no GC root. The heap-independent work is done by
// stdlib/pure (patterns, format, pack); this file turns stack values into their arguments and
// their errors into 5.4's: an ArgError becomes luaL_argerror (function name found as lauxlib
// does), any other LuaRuntimeError becomes luaL_error (position of the caller).

import { Tag } from '../lang/heap/tags.js';
import { LuaMemoryError, LuaRuntimeError } from '../lang/heap/errors.js';
import { str2number } from '../lang/num/index.js';
import { TM } from '../lang/vm/opcodes.js';
import { addressOf } from '../lang/vm/meta.js';
import type { LuaState } from '../lang/vm/state.js';
import type { HostFn } from '../lang/vm/types.js';
import { find as pfind, match as pmatch, gsub as pgsub, GMatch, type Capture } from './pure/pattern.js';
import { format as pformat, type FormatArg } from './pure/format.js';
import { pack as ppack, unpack as punpack, packsize as ppacksize } from './pure/pack.js';
import { ArgError, type LuaArg } from './pure/args.js';
import { dumpProto } from '../lang/compile/dump.js';

/** lstrlib's MAXSIZE on 64-bit: INT_MAX (longer results are 'too large'). */
const MAXSIZE = 2147483647;
/** Integer arguments beyond this are clamped before reaching the pure cores (any position
 *  that far out behaves like an infinite one for strings shorter than 2^31). */
const CLAMP = 9007199254740991;

const clamp = (v: number): number => (v > CLAMP ? CLAMP : v < -CLAMP ? -CLAMP : v);

/** Re-raise an error of a pure core as 5.4 would have raised it from this function. */
function rethrow(L: LuaState, e: unknown): never {
  if (e instanceof ArgError) return L.argError(e.arg, e.extra);
  if (e instanceof LuaMemoryError) throw e;
  if (e instanceof LuaRuntimeError) return L.errorMsg(e.message);
  if (e instanceof RangeError && e.message.includes('string length')) throw new LuaMemoryError();
  throw e;
}

/** posrelatI: a relative initial position to [1, inf). */
function posrelatI(pos: number, len: number): number {
  if (pos > 0) return pos;
  if (pos === 0) return 1;
  if (pos < -len) return 1;
  return len + pos + 1;
}

/** getendpos: optional end position `arg` (default def) to [0, len]. */
function getendpos(L: LuaState, arg: number, def: number, len: number): number {
  const pos = L.optInteger(arg, def);
  if (pos > len) return len;
  if (pos >= 0) return pos;
  if (pos < -len) return 0;
  return len + pos + 1;
}

// ---------------------------------------------------------------------------------------
// simple functions

const len: HostFn = (L) => {
  L.pushInteger(L.checkString(1).length);
  return 1;
};

const sub: HostFn = (L) => {
  const s = L.checkString(1);
  const l = s.length;
  const start = posrelatI(L.checkInteger(2), l);
  const end = getendpos(L, 3, -1, l);
  L.pushString(start <= end ? (start === 1 && end === l ? s : s.slice(start - 1, end)) : '');
  return 1;
};

const reverse: HostFn = (L) => {
  const s = L.checkString(1);
  const n = s.length;
  if (n < 2) { L.pushString(s); return 1; }
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(n - 1 - i);
  L.pushString(bytesToString(codes));
  return 1;
};

/** A byte array as a byte string (in slices: fromCharCode takes its arguments on the stack). */
function bytesToString(b: Uint8Array): string {
  const CH = 8192;
  if (b.length <= CH) return String.fromCharCode.apply(null, b as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += CH) {
    parts.push(String.fromCharCode.apply(null, b.subarray(i, i + CH) as unknown as number[]));
  }
  return parts.join('');
}

// C locale: only ASCII letters change case (JS's toUpperCase would also map Latin-1 bytes)
const LOWER_RUN = /[a-z]+/g;
const UPPER_RUN = /[A-Z]+/g;
const toUpper = (m: string): string => m.toUpperCase();
const toLower = (m: string): string => m.toLowerCase();

// on ASCII-only strings JS case mapping is the C locale's, and much cheaper than a replace
const NON_ASCII = /[\x80-\xff]/;

const lower: HostFn = (L) => {
  const s = L.checkString(1);
  L.pushString(NON_ASCII.test(s) ? s.replace(UPPER_RUN, toLower) : s.toLowerCase());
  return 1;
};

const upper: HostFn = (L) => {
  const s = L.checkString(1);
  L.pushString(NON_ASCII.test(s) ? s.replace(LOWER_RUN, toUpper) : s.toUpperCase());
  return 1;
};

const rep: HostFn = (L) => {
  const s = L.checkString(1);
  const n = L.checkInteger(2);
  const sep = L.optString(3, '');
  const l = s.length, lsep = sep.length;
  if (n <= 0) { L.pushString(''); return 1; }
  if (l + lsep > MAXSIZE / n) return L.errorMsg('resulting string too large');
  const total = n * l + (n - 1) * lsep;
  if (total === 0) { L.pushString(''); return 1; }
  // refuse what cannot be built before building it (5.4 fails its malloc the same way)
  L.heap.reserveString(total);
  let out: string;
  try {
    out = lsep === 0 ? s.repeat(n) : (s + sep).repeat(n - 1) + s;
  } catch (e) { return rethrow(L, e); }
  L.pushString(out);
  return 1;
};

const byte: HostFn = (L, _b, nargs) => {
  const s = L.checkString(1);
  const l = s.length;
  if (nargs === 2) {
    // s:byte(i), the common call: one position given as a small integer
    const p = L.ptr(2), q = p >> 2;
    const i = L.i32[q]!;
    if (L.i32[q + 2] === Tag.Int && L.i32[q + 1] === 0 && i > 0) {
      if (i > l) return 0;
      L.pushInteger(s.charCodeAt(i - 1));
      return 1;
    }
  }
  const pi = L.optInteger(2, 1);
  const posi = posrelatI(pi, l);
  const pose = getendpos(L, 3, pi, l);
  if (posi > pose) return 0;
  if (pose - posi >= 2147483647) return L.errorMsg('string slice too long');
  const n = pose - posi + 1;
  L.checkStack(n, 'string slice too long');
  for (let i = 0; i < n; i++) L.pushInteger(s.charCodeAt(posi + i - 1));
  return n;
};

const char: HostFn = (L, _b, n) => {
  const b = new Uint8Array(n);
  for (let i = 1; i <= n; i++) {
    const c = L.checkInteger(i);
    // (lua_Unsigned) cast: negative values are huge
    L.argCheck(c >= 0 && c <= 255, i, 'value out of range');
    b[i - 1] = c;
  }
  L.pushString(n === 1 ? String.fromCharCode(b[0]!) : bytesToString(b));
  return 1;
};

const dump: HostFn = (L) => {
  const t = L.type(1);
  const strip = L.toBoolean(2);
  if ((t !== Tag.LFunc && t !== Tag.HFunc) || L.isNone(1)) L.typeError(1, 'function');
  if (t !== Tag.LFunc) return L.errorMsg('unable to dump given function');
  const h = L.heap;
  const P = h.protoOf(h.closureProto(L.i32[L.ptr(1) >> 2]!));
  const out = dumpProto(P, strip);
  L.heap.reserveString(out.length);
  L.pushString(out);
  return 1;
};

// ---------------------------------------------------------------------------------------
// patterns

/** Push the captures of a match; returns how many. */
function pushCaptures(L: LuaState, caps: Capture[]): number {
  const n = caps.length;
  L.checkStack(n, 'too many captures');
  for (let i = 0; i < n; i++) {
    const c = caps[i]!;
    if (typeof c === 'number') L.pushInteger(c); else L.pushString(c);
  }
  return n;
}

function findAux(L: LuaState, isFind: boolean): number {
  const s = L.checkString(1);
  const p = L.checkString(2);
  const init = posrelatI(clamp(L.optInteger(3, 1)), s.length);
  if (init - 1 > s.length) { L.pushNil(); return 1; }
  let caps: Capture[] | null;
  try {
    caps = isFind ? pfind(s, p, init, L.toBoolean(4)) : pmatch(s, p, init);
  } catch (e) { return rethrow(L, e); }
  if (caps === null) { L.pushNil(); return 1; }
  return pushCaptures(L, caps);
}

const find: HostFn = (L) => findAux(L, true);
const match: HostFn = (L) => findAux(L, false);

const gmatch: HostFn = (L) => {
  const s = L.checkString(1);
  const p = L.checkString(2);
  const init = posrelatI(clamp(L.optInteger(3, 1)), s.length);
  const gm = new GMatch(s, p, init);
  // Like lstrlib, the iterator keeps the subject, the pattern and its state as its three
  // upvalues (debug.getupvalue and upvalueid see them).
  L.settop(2);
  L.newUserdata(gm, 0);
  L.pushHostFunction((L2) => {
    let caps: Capture[] | null;
    try {
      caps = gm.next();
    } catch (e) { return rethrow(L2, e); }
    return caps === null ? 0 : pushCaptures(L2, caps);
  }, 3);
  return 1;
};

const gsub: HostFn = (L) => {
  const src = L.checkString(1);
  const p = L.checkString(2);
  const tr = L.type(3);
  const maxS = clamp(L.optInteger(4, src.length + 1));
  if (!(tr === Tag.Int || tr === Tag.Float || tr === Tag.Str || tr === Tag.LFunc ||
        tr === Tag.HFunc || tr === Tag.Table)) {
    return L.typeError(3, 'string/function/table');
  }
  let result: [string, number];
  let changed = false;
  try {
    if (tr === Tag.Table || tr === Tag.LFunc || tr === Tag.HFunc) {
      const isTable = tr === Tag.Table;
      const base = L.base;
      result = pgsub(src, p, (caps) => {
        if (isTable) {
          pushCaptures(L, caps);
          L.getTable(3);
        } else {
          L.checkStack(caps.length + 1, 'too many captures');
          L.pushValue(3);
          L.call(pushCaptures(L, caps), 1);
        }
        L.base = base;
        const r = replacementOf(L);
        if (r !== false) changed = true;
        return r;
      }, maxS, isTable);
    } else {
      result = pgsub(src, p, L.toStringX(3)!, maxS);
      changed = result[1] > 0;
    }
  } catch (e) { return rethrow(L, e); }
  // nothing replaced: the subject itself, as 5.4 (the same object for long strings too)
  if (!changed) L.pushValue(1); else L.pushString(result[0]);
  L.pushInteger(result[1]);
  return 2;
};

/** The value on top as a gsub replacement (popped): a string, or false to keep the match. */
function replacementOf(L: LuaState): string | false {
  const t = L.type(-1);
  if (t === Tag.Nil || t === Tag.False) { L.pop(); return false; }
  if (t !== Tag.Str && t !== Tag.Int && t !== Tag.Float) {
    return L.errorMsg(`invalid replacement value (a ${L.typeName(t)})`);
  }
  const s = L.toStringX(-1)!;
  L.pop();
  return s;
}

// ---------------------------------------------------------------------------------------
// format, pack

/** Stack value at API index i as an argument of the pure cores. */
function argAt(L: LuaState, i: number): LuaArg {
  switch (L.type(i)) {
    case Tag.Nil: return null;
    case Tag.False: return false;
    case Tag.True: return true;
    case Tag.Int: return L.toInt64X(i)!;
    case Tag.Float: return L.toNumberX(i)!;
    case Tag.Str: return L.toStringX(i)!;
    default: {
      // luaL_typeerror prefers __name
      let typeName: string;
      const nt = L.getMetafield(i, '__name');
      if (nt === Tag.Str) typeName = L.toStringX(-1)!;
      else typeName = L.typeNameAt(i);
      if (nt !== Tag.Nil) L.pop();
      return { typeName };
    }
  }
}

function argsFrom(L: LuaState, first: number, n: number): LuaArg[] {
  const args: LuaArg[] = [];
  for (let i = first; i <= n; i++) args.push(argAt(L, i));
  return args;
}

const format: HostFn = (L, _b, n) => {
  const fmt = L.checkString(1);
  // integers within 2^53 (among the first 31 arguments) go to the core as JS numbers flagged
  // in `ints`: a BigInt per integer argument was most of the cost of a format call
  const args: LuaArg[] = [];
  let ints = 0;
  const i32 = L.i32;
  for (let i = 2; i <= n; i++) {
    const q = L.ptr(i) >> 2;
    if (i32[q + 2] === Tag.Int && i < 33) {
      const lo = i32[q]!, hi = i32[q + 1]!;
      if (hi === lo >> 31) { args.push(lo); ints |= 1 << (i - 2); continue; }
      if (hi >= -0x200000 && hi < 0x200000) { args.push(hi * 4294967296 + (lo >>> 0)); ints |= 1 << (i - 2); continue; }
    }
    args.push(argAt(L, i));
  }
  let out: string;
  try {
    const base = L.base;
    out = pformat(fmt, args, (i) => {
      const s = L.toLString(i + 2);
      L.base = base;
      L.pop();
      return s;
    }, (i) => {
      const t = L.type(i + 2);
      return t === Tag.Str || t >= Tag.Table ? addressOf(L, L.ptr(i + 2)) : null;
    }, ints);
  } catch (e) { return rethrow(L, e); }
  L.pushString(out);
  return 1;
};

const pack: HostFn = (L, _b, n) => {
  const fmt = L.checkString(1);
  let out: string;
  try {
    out = ppack(fmt, argsFrom(L, 2, n));
  } catch (e) { return rethrow(L, e); }
  L.pushString(out);
  return 1;
};

const packsize: HostFn = (L) => {
  const fmt = L.checkString(1);
  let size: number;
  try {
    size = ppacksize(fmt);
  } catch (e) { return rethrow(L, e); }
  L.pushInteger(size);
  return 1;
};

const unpack: HostFn = (L) => {
  const fmt = L.checkString(1);
  const data = L.checkString(2);
  const init = clamp(L.optInteger(3, 1));
  let vals: (bigint | number | string)[];
  try {
    vals = punpack(fmt, data, init);
  } catch (e) { return rethrow(L, e); }
  const n = vals.length;
  L.checkStack(n, 'too many results');
  for (let i = 0; i < n; i++) {
    const v = vals[i]!;
    if (typeof v === 'bigint') L.pushInteger(v);
    else if (typeof v === 'number') L.pushNumber(v);
    else L.pushString(v);
  }
  return n;
};

// ---------------------------------------------------------------------------------------
// metamethods: string arithmetic

/** A plain decimal integer numeral of at most 15 digits (the common "10" + 1) without going
 *  through str2number's int64 path; NaN for anything else. */
function smallDecimal(s: string): number {
  const n = s.length;
  if (n === 0 || n > 16) return NaN;
  let i = 0;
  const neg = s.charCodeAt(0) === 45;
  if (neg) i = 1;
  if (i === n || n - i > 15) return NaN;
  let v = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return neg ? -v : v;
}

/** lstrlib's tonum: pushes the numeric value of argument `arg` (a number, or a string that
 *  is a whole numeral), or pushes nothing and returns false. */
function tonum(L: LuaState, arg: number): boolean {
  const t = L.type(arg);
  if (t === Tag.Int || t === Tag.Float) { L.pushValue(arg); return true; }
  if (t !== Tag.Str) return false;
  const s = L.toStringX(arg)!;
  const d = smallDecimal(s);
  if (d === d) { L.pushInteger(d); return true; }
  const v = str2number(s);
  if (v === undefined) return false;
  if (typeof v === 'bigint') L.pushInteger(v); else L.pushNumber(v);
  return true;
}

/** No numeric operands: try the second operand's metamethod, else 5.4's message. */
function trymt(L: LuaState, mtname: string): void {
  L.settop(2);
  if (L.type(2) === Tag.Str || L.getMetafield(2, mtname) === Tag.Nil) {
    L.errorMsg(`attempt to ${mtname.slice(2)} a '${L.typeNameAt(-2)}' with a '${L.typeNameAt(-1)}'`);
  }
  L.insert(-3);
  L.call(2, 1);
}

function arithMM(ev: TM, mtname: string): HostFn {
  return (L) => {
    if (tonum(L, 1) && tonum(L, 2)) L.arith(ev);
    else trymt(L, mtname);
    return 1;
  };
}

const stringMetamethods: Record<string, HostFn> = {
  __add: arithMM(TM.ADD, '__add'),
  __sub: arithMM(TM.SUB, '__sub'),
  __mul: arithMM(TM.MUL, '__mul'),
  __mod: arithMM(TM.MOD, '__mod'),
  __pow: arithMM(TM.POW, '__pow'),
  __div: arithMM(TM.DIV, '__div'),
  __idiv: arithMM(TM.IDIV, '__idiv'),
  __unm: arithMM(TM.UNM, '__unm'),
};

// ---------------------------------------------------------------------------------------

export function openString(L: LuaState): number {
  L.newLib({
    byte, char, dump, find, format, gmatch, gsub, len, lower, match, rep, reverse, sub, upper,
    pack, packsize, unpack,
  });
  // createmetatable: the metamethods, then __index = the library, shared by all strings
  L.newTable(0, 9);
  L.setFuncs(stringMetamethods, 0);
  L.pushString('');
  L.pushValue(-2);
  L.setMetatable(-2);
  L.pop();
  L.pushValue(-2);
  L.setField(-2, '__index');
  L.pop();
  return 1;
}
