// The base library (lbaselib.c): messages and corner cases as in Lua 5.4.

import { readFileSync } from 'node:fs';
import { Tag } from '../lang/heap/tags.js';
import { tonumberBase, str2number } from '../lang/num/index.js';
import type { LuaState } from '../lang/vm/state.js';
import { LuaThrow } from '../lang/vm/state.js';
import { CIF, CIST, ERRRUN, MULTRET, OK, REGISTRYINDEX, upvalueIndex } from '../lang/vm/consts.js';
import { loadChunk, LOAD_OK } from '../lang/vm/load.js';
import type { HostFn, HostK } from '../lang/vm/types.js';

function checkFunction(L: LuaState, arg: number): void {
  const t = L.type(arg);
  if ((t !== Tag.LFunc && t !== Tag.HFunc) || L.isNone(arg)) L.typeError(arg, 'function');
}

const print: HostFn = (L, _b, n) => {
  let out = '';
  for (let i = 1; i <= n; i++) {
    if (i > 1) out += '\t';
    out += L.toLString(i);
    L.pop();
  }
  L.stdout(out + '\n');
  return 0;
};

const warn: HostFn = (L, _b, n) => {
  L.checkString(1);
  for (let i = 2; i <= n; i++) L.checkString(i);
  for (let i = 1; i < n; i++) L.warn(L.toStringX(i)!, true);
  L.warn(L.toStringX(n)!, false);
  return 0;
};

const tostring: HostFn = (L) => {
  L.checkAny(1);
  L.toLString(1);
  return 1;
};

const tonumber: HostFn = (L) => {
  if (L.isNoneOrNil(2)) {
    const t = L.type(1);
    if (t === Tag.Int || t === Tag.Float) { L.settop(1); return 1; }
    if (t === Tag.Str) {
      const v = str2number(L.toStringX(1)!);
      if (v !== undefined) {
        if (typeof v === 'bigint') L.pushInteger(v); else L.pushNumber(v);
        return 1;
      }
    }
    L.checkAny(1);
  } else {
    const base = L.checkInteger(2);
    L.checkType(1, Tag.Str);
    const s = L.toStringX(1)!;
    L.argCheck(2 <= base && base <= 36, 2, 'base out of range');
    const v = tonumberBase(s, base);
    if (v !== undefined) { L.pushInteger(v); return 1; }
  }
  L.pushNil();
  return 1;
};

const type: HostFn = (L) => {
  if (L.isNone(1)) L.argError(1, 'value expected');
  L.pushString(L.typeName(L.type(1)));
  return 1;
};

const rawequal: HostFn = (L) => {
  L.checkAny(1); L.checkAny(2);
  L.pushBoolean(L.rawEqual(1, 2));
  return 1;
};

const rawlen: HostFn = (L) => {
  const t = L.type(1);
  if (t !== Tag.Table && t !== Tag.Str) L.typeError(1, 'table or string');
  L.pushInteger(L.rawLen(1));
  return 1;
};

const rawget: HostFn = (L) => {
  L.checkTable(1);
  L.checkAny(2);
  L.settop(2);
  L.rawGet(1);
  return 1;
};

const rawset: HostFn = (L) => {
  L.checkTable(1);
  L.checkAny(2);
  L.checkAny(3);
  L.settop(3);
  L.rawSet(1);
  return 1;
};

const getmetatable: HostFn = (L) => {
  L.checkAny(1);
  if (!L.getMetatable(1)) { L.pushNil(); return 1; }
  L.getMetafield(1, '__metatable');
  return 1;
};

const setmetatable: HostFn = (L) => {
  const t = L.type(2);
  L.checkTable(1);
  if (!(t === Tag.Nil || t === Tag.Table) || L.isNone(2)) L.typeError(2, 'nil or table');
  if (L.getMetafield(1, '__metatable') !== Tag.Nil) L.errorMsg('cannot change a protected metatable');
  L.settop(2);
  L.setMetatable(1);
  return 1;
};

const next: HostFn = (L) => {
  L.checkTable(1);
  L.settop(2);
  if (L.next(1)) return 2;
  L.pushNil();
  return 1;
};

const pairsK: HostK = () => 3;

const pairs: HostFn = (L) => {
  L.checkAny(1);
  if (L.getMetafield(1, '__pairs') === Tag.Nil) {
    L.pushValue(upvalueIndex(1));
    L.pushValue(1);
    L.pushNil();
  } else {
    L.pushValue(1);
    return L.callK(1, 3, pairsK, 0, false); // __pairs may yield
  }
  return 3;
};

const ipairsAux: HostFn = (L) => {
  const i = L.checkInteger(2);
  if (i < 2147483647 && i > -2147483648) {
    L.pushInteger(i + 1);
    return L.getI(1, i + 1) === Tag.Nil ? 1 : 2;
  }
  // wraps around like lua_Integer arithmetic
  L.pushInteger(BigInt.asIntN(64, L.checkInt64(2) + 1n));
  L.pushValue(-1);
  return L.getTable(1) === Tag.Nil ? 1 : 2;
};

const ipairs: HostFn = (L) => {
  L.checkAny(1);
  L.pushValue(upvalueIndex(1));
  L.pushValue(1);
  L.pushInteger(0);
  return 3;
};

const select: HostFn = (L) => {
  const n = L.gettop();
  if (L.type(1) === Tag.Str && L.toStringX(1)!.charCodeAt(0) === 35 /* # */) {
    L.pushInteger(n - 1);
    return 1;
  }
  let i = L.checkInteger(1);
  if (i < 0) i = n + i;
  else if (i > n) i = n;
  L.argCheck(1 <= i, 1, 'index out of range');
  return n - i;
};

const error: HostFn = (L) => {
  const level = L.optInteger(2, 1);
  L.settop(1);
  if (L.type(1) === Tag.Str && level > 0) {
    L.pushString(L.whereLevel(level));
    L.pushValue(1);
    L.concat(2);
  }
  return L.error();
};

const assert: HostFn = (L) => {
  if (L.toBoolean(1)) return L.gettop();
  L.checkAny(1);
  L.remove(1);
  L.pushString('assertion failed!');
  L.settop(1);
  return error(L, L.base, 1);
};

const finishPcall: HostK = (L, status, extra) => {
  if (status !== OK) {
    L.pushBoolean(false);
    L.pushValue(-2);
    return 2;
  }
  return L.gettop() - extra;
};

const pcall: HostFn = (L) => {
  L.checkAny(1);
  L.pushBoolean(true);
  L.insert(1);
  const td = L.td;
  td.cis[(td.ci << 4) | CIF.OldErr] = td.errfunc;
  td.errfunc = 0;
  const r = L.callK(L.gettop() - 2, MULTRET, finishPcall, 0, true);
  td.cis[(td.ci << 4) | CIF.Flags] |= CIST.XPCALL;
  return r;
};

const xpcall: HostFn = (L) => {
  const n = L.gettop();
  checkFunction(L, 2);
  L.pushBoolean(true);
  L.pushValue(1);
  L.rotate(3, 2);
  const td = L.td;
  td.cis[(td.ci << 4) | CIF.OldErr] = td.errfunc;
  td.errfunc = L.base + 1;
  const r = L.callK(n - 2, MULTRET, finishPcall, 2, true);
  td.cis[(td.ci << 4) | CIF.Flags] |= CIST.XPCALL;
  return r;
};

function loadAux(L: LuaState, status: number): number {
  if (status === LOAD_OK) return 1;
  L.pushNil();
  L.insert(-2);
  return 2;
}

const load: HostFn = (L) => {
  const s = L.toStringX(1);
  const mode = L.optString(3, 'bt');
  const envPtr = !L.isNone(4) ? L.ptr(4) : 0;
  if (s !== undefined) {
    const chunkname = L.optString(2, s);
    return loadAux(L, loadChunk(L, s, chunkname, mode, envPtr, false, 2));
  }
  const chunkname = L.optString(2, '=(load)');
  checkFunction(L, 1);
  // read all pieces from the reader function (its errors make load fail)
  const parts: string[] = [];
  for (;;) {
    L.pushValue(1);
    if (L.pcall(0, 1, 0) !== OK) { L.pushNil(); L.insert(-2); return 2; }
    const t = L.type(-1);
    if (t === Tag.Nil) { L.pop(); break; }
    if (t !== Tag.Str && t !== Tag.Int && t !== Tag.Float) {
      L.pop();
      L.pushNil();
      L.pushString('reader function must return a string');
      return 2;
    }
    const piece = L.toStringX(-1)!;
    L.pop();
    if (piece.length === 0) break;
    parts.push(piece);
  }
  return loadAux(L, loadChunk(L, parts.join(''), chunkname, mode, L.isNone(4) ? 0 : L.ptr(4), false, 2));
};

function readFile(L: LuaState, fname: string | undefined): string | null {
  try {
    return fname === undefined ? readFileSync(0, 'latin1') : readFileSync(fname, 'latin1');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'No such file or directory'
      : code === 'EACCES' ? 'Permission denied'
      : code === 'EISDIR' ? 'Is a directory' : String((e as Error).message);
    const what = code === 'EISDIR' ? 'read' : 'open';
    L.pushString(`cannot ${what} ${fname ?? 'stdin'}${what === 'read' ? '' : ''}: ${why}`);
    return null;
  }
}

/** A '#' first line before a binary chunk is dropped (text chunks keep it: the lexer skips it, line numbers stay). */
function skipBinaryComment(src: string): string {
  if (src.charCodeAt(0) !== 0x23) return src;
  const nl = src.indexOf('\n');
  return nl >= 0 && src.charCodeAt(nl + 1) === 0x1b ? src.slice(nl + 1) : src;
}

/** luaL_loadfilex: pushes the chunk or an error message; returns LOAD_OK or an error code. */
export function loadFile(L: LuaState, fname: string | undefined, mode: string, envPtr = 0): number {
  const src = readFile(L, fname);
  if (src === null) return 6; // LUA_ERRFILE
  return loadChunk(L, skipBinaryComment(src), fname === undefined ? '=stdin' : '@' + fname, mode, envPtr, true, 2);
}

const loadfile: HostFn = (L) => {
  const fname = L.optString(1, undefined);
  const mode = L.optString(2, 'bt');
  const envPtr = !L.isNone(3) ? L.ptr(3) : 0;
  return loadAux(L, loadFile(L, fname, mode, envPtr));
};

const dofileK: HostK = (L) => L.gettop() - 1;

const dofile: HostFn = (L) => {
  const fname = L.optString(1, undefined);
  L.settop(1);
  if (loadFile(L, fname, 'bt') !== LOAD_OK) return L.error();
  return L.callK(0, MULTRET, dofileK, 0, false);
};

// lua.c runs its state in generational mode
/** The mode collectgarbage reports as the previous one: lua.c switches to generational at
 *  start-up, so that is what a fresh state answers first. */
const gcModes = new WeakMap<LuaState, string>();

const collectgarbage: HostFn = (L) => {
  const opts = ['stop', 'restart', 'collect', 'count', 'step', 'setpause', 'setstepmul',
    'isrunning', 'generational', 'incremental'];
  const o = L.checkOption(1, 'collect', opts);
  const h = L.heap;
  // arguments are checked before lua_gc, which refuses everything inside a finalizer
  const a2 = o >= 4 && o <= 6 || o >= 8 ? L.optInteger(2, 0) : 0;
  if (o >= 8) { L.optInteger(3, 0); if (o === 9) L.optInteger(4, 0); }
  if (h.gcBlocked) { L.pushNil(); return 1; }
  switch (opts[o]) {
    case 'stop': h.gcRunning = false; L.pushInteger(0); return 1;
    case 'restart': h.gcRunning = true; L.pushInteger(0); return 1;
    case 'collect': L.fullGC(); L.pushInteger(0); return 1;
    case 'count': L.pushNumber(h.bytesInUse() / 1024); return 1;
    case 'step': {
      // a basic step of generational mode is a (minor) collection: a full one frees a superset
      if (a2 === 0 && h.gcMode === 'generational') { L.fullGC(); L.pushBoolean(false); return 1; }
      L.pushBoolean(L.gcStep(a2));
      return 1;
    }
    case 'setpause': {
      const prev = h.gcPause;
      h.gcPause = a2;
      L.pushInteger(prev);
      return 1;
    }
    case 'setstepmul': {
      const prev = h.gcStepMul;
      h.gcStepMul = a2;
      L.pushInteger(prev);
      return 1;
    }
    case 'isrunning': L.pushBoolean(h.gcRunning); return 1;
    default: {
      const mode = o === 8 ? 'generational' : 'incremental';
      L.pushString(gcModes.get(L) ?? 'generational');
      gcModes.set(L, mode);
      h.gcMode = mode;
      return 1;
    }
  }
};

export function openBase(L: LuaState): number {
  // the globals table is the library table
  L.pushPtr(L.globalsPtr());
  L.setFuncs({
    assert, collectgarbage, dofile, error, getmetatable, load, loadfile, print,
    rawequal, rawlen, rawget, rawset, select, setmetatable, tonumber, tostring, type, warn,
    xpcall, pcall,
  });
  L.pushHostFunction(next, 0, 'next');
  L.pushValue(-1);
  L.setField(-3, 'next');
  L.pushHostFunction(pairs, 1, 'pairs');
  L.setField(-2, 'pairs');
  L.pushHostFunction(ipairsAux, 0, 'ipairs_aux');
  L.pushHostFunction(ipairs, 1, 'ipairs');
  L.setField(-2, 'ipairs');
  L.pushValue(-1);
  L.setField(-2, '_G');
  L.pushString('Lua 5.4');
  L.setField(-2, '_VERSION');
  return 1;
}

export { REGISTRYINDEX, ERRRUN };
