// What error messages and tracebacks need to know about running code: positions, and names
// of values recovered by symbolic execution of the bytecode (ldebug.c's rules: a value is
// named after the local, upvalue, global, field, method or constant it was loaded from).

import { Tag, TYPE_NAMES } from '../heap/tags.js';
import type { Proto } from '../compile/proto.js';
import { chunkId } from '../front/chunkid.js';
import { Op, TM_NAMES, getA, getB, getBx, getC, getK, getOp, getSJ, getAx } from './opcodes.js';
import { CIF, CIST, REGISTRYINDEX } from './consts.js';
import type { LuaState } from './state.js';
import type { ThreadData } from './thread.js';

export interface Named { kind: string; name: string }

// ---- frames --------------------------------------------------------------------------

export function protoOfCi(L: LuaState, td: ThreadData, ci: number): Proto {
  return L.heap.protoOf(L.heap.closureProto(td.cis[(ci << 4) | CIF.Cl]!));
}

export function currentLine(L: LuaState, td: ThreadData, ci: number): number {
  if (!(td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA)) return -1;
  const P = protoOfCi(L, td, ci);
  const pc = td.cis[(ci << 4) | CIF.Pc]! - 1;
  return P.lineInfo.length ? P.lineInfo[pc < 0 ? 0 : pc]! : -1;
}

/** "chunk:line: " of a Lua frame. */
export function positionOf(L: LuaState, td: ThreadData, ci: number): string {
  const P = protoOfCi(L, td, ci);
  return `${chunkId(P.source)}:${currentLine(L, td, ci)}: `;
}

/** luaL_where: position of the function at `level` (0 = running one), if it is a Lua one. */
export function where(L: LuaState, level: number): string {
  const td = L.td;
  const ci = td.ci - level;
  if (ci <= 0) return '';
  if (td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) {
    const line = currentLine(L, td, ci);
    if (line > 0) return `${chunkId(protoOfCi(L, td, ci).source)}:${line}: `;
  }
  return '';
}

// ---- symbolic execution ------------------------------------------------------------------

function setsA(op: Op): boolean {
  switch (op) {
    case Op.SETUPVAL: case Op.SETTABUP: case Op.SETTABLE: case Op.SETI: case Op.SETFIELD:
    case Op.MMBIN: case Op.MMBINI: case Op.MMBINK: case Op.CLOSE: case Op.TBC: case Op.JMP:
    case Op.EQ: case Op.LT: case Op.LE: case Op.EQK: case Op.EQI: case Op.LTI: case Op.LEI:
    case Op.GTI: case Op.GEI: case Op.TEST: case Op.RETURN: case Op.RETURN0: case Op.RETURN1:
    case Op.TFORPREP: case Op.TFORCALL: case Op.SETLIST: case Op.EXTRAARG:
      return false;
  }
  return true;
}

export function localName(P: Proto, n: number, pc: number): string | undefined {
  for (const v of P.locVars) {
    if (v.startPc > pc) break;
    if (pc < v.endPc) {
      n--;
      if (n === 0) return v.name;
    }
  }
  return undefined;
}

function findSetReg(P: Proto, lastpc: number, reg: number): number {
  const code = P.code;
  const lop = getOp(code[lastpc]!);
  if (lop === Op.MMBIN || lop === Op.MMBINI || lop === Op.MMBINK) lastpc--;
  let setreg = -1;
  let jmptarget = 0;
  for (let pc = 0; pc < lastpc; pc++) {
    const i = code[pc]!;
    const op = getOp(i);
    const a = getA(i);
    let change = false;
    switch (op) {
      case Op.LOADNIL: change = a <= reg && reg <= a + getB(i); break;
      case Op.TFORCALL: change = reg >= a + 2; break;
      case Op.CALL: case Op.TAILCALL: change = reg >= a; break;
      case Op.JMP: {
        const dest = pc + 1 + getSJ(i);
        if (dest <= lastpc && dest > jmptarget) jmptarget = dest;
        break;
      }
      default: change = setsA(op) && reg === a;
    }
    if (change) setreg = pc < jmptarget ? -1 : pc;
  }
  return setreg;
}

function kString(P: Proto, k: number): string | undefined {
  const c = P.constants[k];
  return c && c.kind === 'str' ? c.value : undefined;
}

function upvalName(P: Proto, i: number): string {
  const u = P.upvalues[i];
  return u && u.name ? u.name : '?';
}

function isEnv(P: Proto, pc: number, i: number, isUp: boolean): string {
  const t = getB(i);
  const name = isUp ? upvalName(P, t) : getObjName(P, pc, t)?.name;
  return name === '_ENV' ? 'global' : 'field';
}

export function getObjName(P: Proto, lastpc: number, reg: number): Named | undefined {
  const ln = localName(P, reg + 1, lastpc);
  if (ln !== undefined) return { kind: 'local', name: ln };
  const pc = findSetReg(P, lastpc, reg);
  if (pc === -1) return undefined;
  const i = P.code[pc]!;
  switch (getOp(i)) {
    case Op.MOVE: {
      const b = getB(i);
      if (b < getA(i)) return getObjName(P, pc, b);
      break;
    }
    case Op.GETTABUP:
      return { kind: isEnv(P, pc, i, true), name: kString(P, getC(i)) ?? '?' };
    case Op.GETTABLE: {
      const r = getObjName(P, pc, getC(i));
      const name = r && r.kind === 'constant' ? r.name : '?';
      return { kind: isEnv(P, pc, i, false), name };
    }
    case Op.GETI: return { kind: 'field', name: 'integer index' };
    case Op.GETFIELD: return { kind: isEnv(P, pc, i, false), name: kString(P, getC(i)) ?? '?' };
    case Op.GETUPVAL: return { kind: 'upvalue', name: upvalName(P, getB(i)) };
    case Op.LOADK: case Op.LOADKX: {
      const b = getOp(i) === Op.LOADK ? getBx(i) : getAx(P.code[pc + 1]!);
      const s = kString(P, b);
      if (s !== undefined) return { kind: 'constant', name: s };
      break;
    }
    case Op.SELF: {
      const c = getC(i);
      let name: string;
      if (getK(i)) name = kString(P, c) ?? '?';
      else { const r = getObjName(P, pc, c); name = r && r.kind === 'constant' ? r.name : '?'; }
      return { kind: 'method', name };
    }
  }
  return undefined;
}

/** funcnamefromcode: how the instruction at pc called (or triggered) a function. */
export function funcNameFromCode(P: Proto, pc: number): Named | undefined {
  const i = P.code[pc]!;
  let tm: number;
  switch (getOp(i)) {
    case Op.CALL: case Op.TAILCALL: return getObjName(P, pc, getA(i));
    case Op.TFORCALL: return { kind: 'for iterator', name: 'for iterator' };
    case Op.SELF: case Op.GETTABUP: case Op.GETTABLE: case Op.GETI: case Op.GETFIELD: tm = 0; break;
    case Op.SETTABUP: case Op.SETTABLE: case Op.SETI: case Op.SETFIELD: tm = 1; break;
    case Op.MMBIN: case Op.MMBINI: case Op.MMBINK: tm = getC(i); break;
    case Op.UNM: tm = 18; break;
    case Op.BNOT: tm = 19; break;
    case Op.LEN: tm = 4; break;
    case Op.CONCAT: tm = 22; break;
    case Op.EQ: tm = 5; break;
    case Op.LT: case Op.LTI: case Op.GTI: tm = 20; break;
    case Op.LE: case Op.LEI: case Op.GEI: tm = 21; break;
    case Op.CLOSE: case Op.RETURN: tm = 24; break;
    default: return undefined;
  }
  return { kind: 'metamethod', name: TM_NAMES[tm]!.slice(2) };
}

/** getfuncname: the name of the function running at `ci`, from its caller's code. */
export function funcName(L: LuaState, td: ThreadData, ci: number): Named | undefined {
  if (ci <= 0 || (td.cis[(ci << 4) | CIF.Flags]! & CIST.TAIL)) return undefined;
  const caller = ci - 1;
  // the caller's flags say when a function was called by a hook or as a finalizer
  if (td.cis[(caller << 4) | CIF.Flags]! & CIST.HOOKED) return { kind: 'hook', name: '?' };
  if (td.cis[(caller << 4) | CIF.Flags]! & CIST.FIN) return { kind: 'metamethod', name: '__gc' };
  if (!(td.cis[(caller << 4) | CIF.Flags]! & CIST.LUA)) return undefined;
  return funcNameFromCode(protoOfCi(L, td, caller), td.cis[(caller << 4) | CIF.Pc]! - 1);
}

// ---- variable info for messages -----------------------------------------------------------

/** " (local 'x')" etc. for a value pointer of the running Lua frame, or "". */
export function varInfo(L: LuaState, p: number): string {
  const td = L.td, ci = td.ci;
  if (!(td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA)) return '';
  const P = protoOfCi(L, td, ci);
  const cl = td.cis[(ci << 4) | CIF.Cl]!;
  for (let i = 0; i < P.upvalues.length; i++) {
    if (L.heap.upvalPtr(L.heap.closureUpval(cl, i)) === p) return ` (upvalue '${upvalName(P, i)}')`;
  }
  const base = L.stk + (td.cis[(ci << 4) | CIF.Base]! << 4);
  if (p >= base && p < L.stk + (td.cis[(ci << 4) | CIF.Top]! << 4)) {
    const r = getObjName(P, td.cis[(ci << 4) | CIF.Pc]! - 1, (p - base) >> 4);
    if (r) return ` (${r.kind} '${r.name}')`;
  }
  return '';
}

function typeNameMeta(L: LuaState, p: number): string {
  const mt = L.metatableOf(p);
  if (mt !== 0) {
    const n = L.heap.getStr(mt, L.heap.intern('__name'));
    if (L.tagAt(n) === Tag.Str) return L.heap.str(L.i32[n >> 2]!);
  }
  return TYPE_NAMES[L.tagAt(p)]!;
}

export function typeError(L: LuaState, p: number, op: string, key?: number): never {
  let info = varInfo(L, p);
  // 5.4.6 names the key of a failed index; 5.4.4 only the indexed value
  void key;
  return L.runError(`attempt to ${op} a ${typeNameMeta(L, p)} value${info}`);
}

export function callError(L: LuaState, func: number): never {
  const p = L.slot(func);
  // a call from Lua code: name the called value after the calling instruction
  const td = L.td, ci = td.ci;
  let info = '';
  if (td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) {
    const P = protoOfCi(L, td, ci);
    const pc = td.cis[(ci << 4) | CIF.Pc]! - 1;
    const op = getOp(P.code[pc]!);
    if (op === Op.TFORCALL) info = " (for iterator 'for iterator')";
    else if (op === Op.CALL || op === Op.TAILCALL) info = varInfo(L, p);
    else {
      const r = funcNameFromCode(P, pc);
      if (r) info = ` (${r.kind} '${r.name}')`;
    }
  }
  return L.runError(`attempt to call a ${typeNameMeta(L, p)} value${info}`);
}

export function opError(L: LuaState, a: number, b: number, msg: string): never {
  const t = L.tagAt(a);
  if (t === Tag.Int || t === Tag.Float) a = b;
  return typeError(L, a, msg);
}

export function concatError(L: LuaState, a: number, b: number): never {
  const t = L.tagAt(a);
  if (t === Tag.Str || t === Tag.Int || t === Tag.Float) a = b;
  return typeError(L, a, 'concatenate');
}

export function intError(L: LuaState, a: number, b: number): never {
  const t = L.tagAt(a);
  let bad = b;
  if (t === Tag.Float) {
    const d = L.f64[a >> 3]!;
    if (!Number.isInteger(d) || d < -9223372036854775808 || d >= 9223372036854775808) bad = a;
  }
  return L.runError(`number has no integer representation${varInfo(L, bad)}`);
}

export function orderError(L: LuaState, a: number, b: number): never {
  const t1 = typeNameMeta(L, a), t2 = typeNameMeta(L, b);
  if (t1 === t2) return L.runError(`attempt to compare two ${t1} values`);
  return L.runError(`attempt to compare ${t1} with ${t2}`);
}

export function closeError(L: LuaState, s: number): never {
  const td = L.td, ci = td.ci;
  let name = '?';
  if (td.cis[(ci << 4) | CIF.Flags]! & CIST.LUA) {
    const P = protoOfCi(L, td, ci);
    name = localName(P, s - td.cis[(ci << 4) | CIF.Base]! + 1, td.cis[(ci << 4) | CIF.Pc]! - 1) ?? '?';
  }
  return L.runError(`variable '${name}' got a non-closable value`);
}

export function forError(L: LuaState, p: number, what: string): never {
  return L.runError(`'for' ${what} must be a number`);
}

// ---- lauxlib-style messages ---------------------------------------------------------------

/** pushglobalfuncname: "mod.name" of a function found in package.loaded ("_G." dropped). */
export function globalFuncName(L: LuaState, fp: number): string | undefined {
  const h = L.heap;
  const lp = h.getStr(h.registry, h.intern('_LOADED'));
  if (L.tagAt(lp) !== Tag.Table) return undefined;
  const loaded = L.i32[lp >> 2]!;
  const top = L.top;
  L.ensureSlots(top + 6);
  const k1 = L.slot(top), v1 = L.slot(top + 1), k2 = L.slot(top + 2), v2 = L.slot(top + 3);
  L.top = top + 4;
  h.setNil(k1);
  let found: string | undefined;
  try {
    while (found === undefined && h.next(loaded, k1, k1, v1)) {
      if (L.tagAt(k1) !== Tag.Str) continue;
      if (h.rawEquals(v1, fp)) { found = h.str(L.i32[k1 >> 2]!); break; }
      if (L.tagAt(v1) !== Tag.Table) continue;
      const mod = L.i32[v1 >> 2]!;
      h.setNil(k2);
      while (h.next(mod, k2, k2, v2)) {
        if (L.tagAt(k2) === Tag.Str && h.rawEquals(v2, fp)) {
          found = h.str(L.i32[k1 >> 2]!) + '.' + h.str(L.i32[k2 >> 2]!);
          break;
        }
      }
    }
  } finally { L.top = top; }
  if (found !== undefined && found.startsWith('_G.')) found = found.slice(3);
  return found;
}

/** luaL_argerror */
export function argError(L: LuaState, arg: number, extramsg: string): never {
  const td = L.td, ci = td.ci;
  if (ci <= 0) return L.errorMsg(`bad argument #${arg} (${extramsg})`);
  const n = funcName(L, td, ci);
  let name = n?.name;
  if (n && n.kind === 'method') {
    arg--;
    if (arg === 0) return L.errorMsg(`calling '${n.name}' on bad self (${extramsg})`);
  }
  if (name === undefined) name = globalFuncName(L, L.slot(td.cis[(ci << 4) | CIF.Func]!)) ?? '?';
  return L.errorMsg(`bad argument #${arg} to '${name}' (${extramsg})`);
}

// ---- traceback -----------------------------------------------------------------------------

const LEVELS1 = 10, LEVELS2 = 11;

/** luaL_traceback of thread data `td` starting at `level`. */
export function traceback(L: LuaState, td: ThreadData, msg: string | undefined, level: number): string {
  const out: string[] = [];
  if (msg !== undefined) out.push(msg + '\n');
  out.push('stack traceback:');
  const last = td.ci - 1; // deepest valid level
  let limit2show = last - level > LEVELS1 + LEVELS2 ? LEVELS1 : -1;
  while (level <= last) {
    const ci = td.ci - level;
    level++;
    if (limit2show-- === 0) {
      const n = last - level - LEVELS2 + 1;
      out.push(`\n\t...\t(skipping ${n} levels)`);
      level += n;
      continue;
    }
    const flags = td.cis[(ci << 4) | CIF.Flags]!;
    let src = '[C]';
    let line = -1;
    let what = 'C';
    let lineDefined = -1;
    if (flags & CIST.LUA) {
      const P = protoOfCi(L, td, ci);
      src = chunkId(P.source);
      line = P.lineInfo.length ? P.lineInfo[Math.max(0, td.cis[(ci << 4) | CIF.Pc]! - 1)]! : -1;
      what = P.lineDefined === 0 ? 'main' : 'Lua';
      lineDefined = P.lineDefined;
    }
    out.push(line <= 0 ? `\n\t${src}: in ` : `\n\t${src}:${line}: in `);
    const savedTd = L.td;
    const g = td === savedTd ? globalFuncName(L, L.slot(td.cis[(ci << 4) | CIF.Func]!)) : globalFuncNameOther(L, td, ci);
    const n = funcName(L, td, ci);
    if (g !== undefined) out.push(`function '${g}'`);
    else if (n) out.push(`${n.kind} '${n.name}'`);
    else if (what === 'main') out.push('main chunk');
    else if (what !== 'C') out.push(`function <${src}:${lineDefined}>`);
    else out.push('?');
    if (flags & CIST.TAIL) out.push('\n\t(...tail calls...)');
  }
  return out.join('');
}

function globalFuncNameOther(L: LuaState, td: ThreadData, ci: number): string | undefined {
  const p = L.heap.threadStack(td.ref) + (td.cis[(ci << 4) | CIF.Func]! << 4);
  L.heap.copy(L.tmpPtr2, p);
  return globalFuncName(L, L.tmpPtr2);
}

export { REGISTRYINDEX };
