// The debug library (ldblib.c) over the VM's CallInfo arrays (lang/vm/thread.ts) and the
// naming rules of lang/vm/debug.ts.
import { Tag } from '../lang/heap/tags.js';
import type { Proto } from '../lang/compile/proto.js';
import { chunkId } from '../lang/front/chunkid.js';
import type { LuaState } from '../lang/vm/state.js';
import type { ThreadData } from '../lang/vm/thread.js';
import { CIF, CIST, HOOK_CALL, HOOK_COUNT, HOOK_LINE, HOOK_RET, HookEvent, REGISTRYINDEX } from '../lang/vm/consts.js';
import * as D from '../lang/vm/debug.js';
import type { HostFn } from '../lang/vm/types.js';
import { stdinReader } from './io-host.js';

/** lua_getstack/getthread: the thread argument (if any) shifts the others by one. */
function threadArg(L: LuaState): { td: ThreadData; arg: number; self: boolean } {
  if (L.type(1) === Tag.Thread) {
    const td = L.threadData(L.toThread(1)!);
    return { td, arg: 1, self: td === L.td };
  }
  return { td: L.td, arg: 0, self: true };
}

/** Byte offset of stack slot `s` of a thread. */
function slotOf(L: LuaState, td: ThreadData, s: number): number {
  return td === L.td ? L.slot(s) : L.heap.threadStack(td.ref) + (s << 4);
}

/** The CallInfo index of `level` in `td` (0 = running function), or -1. */
function ciAtLevel(L: LuaState, td: ThreadData, level: number): number {
  if (level < 0) return -1;
  const ci = td.ci - level;
  return ci > 0 ? ci : -1;
}

function protoOfFunc(L: LuaState, p: number): Proto | null {
  if (L.heap.u32[(p >> 2) + 2] !== Tag.LFunc) return null;
  return L.heap.protoOf(L.heap.closureProto(L.heap.i32[p >> 2]!));
}

function setField(L: LuaState, k: string, push: () => void): void {
  push();
  L.setField(-2, k);
}

const getinfo: HostFn = (L) => {
  const { td, arg, self } = threadArg(L);
  const options = L.optString(arg + 2, 'flnSrtu');
  L.checkStack(3);
  L.argCheck(!options.startsWith('>'), arg + 2, "invalid option '>'");
  let funcPtr: number;
  let ci = -1;
  const ft = L.type(arg + 1);
  if (ft === Tag.LFunc || ft === Tag.HFunc) {
    funcPtr = L.ptr(arg + 1);
  } else {
    const level = L.checkInteger(arg + 1);
    ci = ciAtLevel(L, td, self ? level : level);
    if (ci < 0) { L.pushNil(); return 1; }
    funcPtr = slotOf(L, td, td.cis[(ci << 4) | CIF.Func]!);
  }
  // as lua_getinfo: an unknown letter is reported only once the frame is known to exist
  if (/[^SlnrutfL]/.test(options)) L.argError(arg + 2, 'invalid option');
  L.pushValue(arg + 1); // keep a function argument alive while we read it
  const fnCopy = L.gettop();
  if (ci >= 0) { L.heap.copy(L.ptr(fnCopy), funcPtr); }
  const P = protoOfFunc(L, L.ptr(fnCopy));
  L.newTable(0, 16);
  for (const o of options) {
    switch (o) {
      case 'S': {
        const src = P ? P.source : '=[C]';
        setField(L, 'source', () => L.pushString(src));
        setField(L, 'short_src', () => L.pushString(chunkId(src)));
        setField(L, 'linedefined', () => L.pushInteger(P ? P.lineDefined : -1));
        setField(L, 'lastlinedefined', () => L.pushInteger(P ? P.lastLineDefined : -1));
        setField(L, 'what', () => L.pushString(!P ? 'C' : P.lineDefined === 0 ? 'main' : 'Lua'));
        break;
      }
      case 'l':
        setField(L, 'currentline', () => L.pushInteger(ci >= 0 && P ? D.currentLine(L, td, ci) : -1));
        break;
      case 'u': {
        const h = L.heap;
        const fp = L.ptr(fnCopy);
        const nups = P ? P.upvalues.length : hostUpvalueCount(L, fp);
        setField(L, 'nups', () => L.pushInteger(nups));
        setField(L, 'nparams', () => L.pushInteger(P ? P.numParams : 0));
        setField(L, 'isvararg', () => L.pushBoolean(P ? P.isVararg : true));
        void h;
        break;
      }
      case 'n': {
        const n = ci >= 0 ? D.funcName(L, td, ci) : undefined;
        setField(L, 'name', () => { if (n) L.pushString(n.name); else L.pushNil(); });
        setField(L, 'namewhat', () => L.pushString(n ? n.kind : ''));
        break;
      }
      case 't':
        setField(L, 'istailcall', () => L.pushBoolean(ci >= 0 && (td.cis[(ci << 4) | CIF.Flags]! & CIST.TAIL) !== 0));
        break;
      case 'r': {
        // transfer values exist only for the frame a call or return hook is running for
        const tr = ci >= 0 && td.hookCi === ci;
        setField(L, 'ftransfer', () => L.pushInteger(tr ? td.ftransfer : 0));
        setField(L, 'ntransfer', () => L.pushInteger(tr ? td.ntransfer : 0));
        break;
      }
        break;
      case 'L': {
        if (!P) { L.pushNil(); L.setField(-2, 'activelines'); break; }
        L.newTable(0, 8);
        // 5.4 lists the lines of every instruction but the vararg-adjusting first one
        const start = P.isVararg ? 1 : 0;
        for (let pc = start; pc < P.lineInfo.length; pc++) {
          L.pushBoolean(true);
          L.rawSetI(-2, P.lineInfo[pc]!);
        }
        L.setField(-2, 'activelines');
        break;
      }
      case 'f':
        L.pushValue(fnCopy);
        L.setField(-2, 'func');
        break;
    }
  }
  return 1;
};

// The arena implementation counts host upvalues and user values; the Heap interface does not
// declare these yet, so they are reached through this view.
interface Counts { hostNup?(ref: number): number; userdataNuv?(ref: number): number }

function hostUpvalueCount(L: LuaState, fp: number): number {
  const h = L.heap;
  if (h.u32[(fp >> 2) + 2] !== Tag.HFunc) return 0;
  const c = h as unknown as Counts;
  return c.hostNup ? c.hostNup(h.i32[fp >> 2]!) : 0;
}

function uservalueCount(L: LuaState, ref: number): number {
  const c = L.heap as unknown as Counts;
  return c.userdataNuv ? c.userdataNuv(ref) : 0;
}

/** Name of local `n` of frame `ci` (1-based; negative: varargs), as lua_getlocal finds it,
 *  and the slot that holds it. */
function findLocal(L: LuaState, td: ThreadData, ci: number, n: number): { name: string; slot: number } | null {
  const flags = td.cis[(ci << 4) | CIF.Flags]!;
  const base = td.cis[(ci << 4) | CIF.Base]!;
  if (flags & CIST.LUA) {
    const P = D.protoOfCi(L, td, ci);
    if (n < 0) {
      if (!P.isVararg) return null;
      const nextra = td.cis[(ci << 4) | CIF.Extra]!;
      if (n < -nextra) return null;
      return { name: '(vararg)', slot: td.cis[(ci << 4) | CIF.Func]! - nextra + (-n) - 1 };
    }
    const name = D.localName(P, n, Math.max(0, td.cis[(ci << 4) | CIF.Pc]! - 1));
    if (name !== undefined) return { name, slot: base + n - 1 };
  } else if (n < 0) {
    return null;
  }
  const limit = ci === td.ci ? (td === L.td ? L.top : td.top) : td.cis[((ci + 1) << 4) | CIF.Func]!;
  if (n > 0 && limit - base >= n) {
    return { name: flags & CIST.LUA ? '(temporary)' : '(C temporary)', slot: base + n - 1 };
  }
  return null;
}

const getlocal: HostFn = (L) => {
  const { td, arg, self } = threadArg(L);
  const n = L.checkInteger(arg + 2);
  const ft = L.type(arg + 1);
  if (ft === Tag.LFunc || ft === Tag.HFunc) {
    const P = protoOfFunc(L, L.ptr(arg + 1));
    const name = P && n > 0 ? D.localName(P, n, 0) : undefined;
    if (name === undefined || !P || n > P.numParams) { L.pushNil(); return 1; }
    L.pushString(name);
    return 1;
  }
  const level = L.checkInteger(arg + 1);
  const ci = ciAtLevel(L, td, self ? level : level);
  if (ci < 0) L.argError(arg + 1, 'level out of range');
  const loc = findLocal(L, td, ci, n);
  if (!loc) { L.pushNil(); return 1; }
  L.pushString(loc.name);
  L.pushNil();
  L.heap.copy(L.ptr(-1), slotOf(L, td, loc.slot));
  return 2;
};

const setlocal: HostFn = (L) => {
  const { td, arg, self } = threadArg(L);
  const level = L.checkInteger(arg + 1);
  const n = L.checkInteger(arg + 2);
  L.checkAny(arg + 3);
  const ci = ciAtLevel(L, td, self ? level : level);
  if (ci < 0) L.argError(arg + 1, 'level out of range');
  const loc = findLocal(L, td, ci, n);
  if (!loc) { L.pushNil(); return 1; }
  L.heap.copy(slotOf(L, td, loc.slot), L.ptr(arg + 3));
  L.pushString(loc.name);
  return 1;
};

/** The TValue of upvalue n (1-based) of the function at API index `f`, and its name. */
function upvalue(L: LuaState, f: number, n: number): { ptr: number; name: string; uv: number } | null {
  const h = L.heap;
  const fp = L.ptr(f);
  const tag = h.u32[(fp >> 2) + 2];
  const ref = h.i32[fp >> 2]!;
  if (tag === Tag.LFunc) {
    const P = h.protoOf(h.closureProto(ref));
    if (n < 1 || n > P.upvalues.length) return null;
    const uv = h.closureUpval(ref, n - 1);
    const name = P.upvalues[n - 1]!.name;
    // a stripped chunk has no names: the undumper stores '?' (never an identifier) for them
    return { ptr: h.upvalPtr(uv), name: name === '' || name === '?' ? '(no name)' : name, uv };
  }
  if (tag === Tag.HFunc) {
    if (n < 1 || n > hostUpvalueCount(L, fp)) return null;
    return { ptr: h.hostUpvalPtr(ref, n - 1), name: '', uv: 0 };
  }
  return null;
}

const getupvalue: HostFn = (L) => {
  const n = L.checkInteger(2);
  L.checkAny(1);
  const t = L.type(1);
  if (t !== Tag.LFunc && t !== Tag.HFunc) L.typeError(1, 'function');
  const u = upvalue(L, 1, n);
  if (!u) return 0;
  L.pushString(u.name);
  L.pushNil();
  L.heap.copy(L.ptr(-1), upvalue(L, 1, n)!.ptr);
  return 2;
};

const setupvalue: HostFn = (L) => {
  L.checkAny(3);
  const n = L.checkInteger(2);
  const t = L.type(1);
  if (t !== Tag.LFunc && t !== Tag.HFunc) L.typeError(1, 'function');
  const u = upvalue(L, 1, n);
  if (!u) return 0;
  L.heap.copy(u.ptr, L.ptr(3));
  L.pushString(u.name);
  return 1;
};

/** ldblib's checkupval: the index is checked before the function. */
function checkUpval(L: LuaState, argf: number, argnup: number): ReturnType<typeof upvalue> {
  const n = L.checkInteger(argnup);
  const t = L.type(argf);
  if (t !== Tag.LFunc && t !== Tag.HFunc) L.typeError(argf, 'function');
  return upvalue(L, argf, n);
}

const upvalueid: HostFn = (L) => {
  const u = checkUpval(L, 1, 2);
  if (!u) { L.pushNil(); return 1; }
  // an upvalue's identity is its arena reference (or, for a host function, the address of its
  // slot), unique while the upvalue lives
  L.pushLightUserdata(u.uv !== 0 ? u.uv : u.ptr);
  return 1;
};

const upvaluejoin: HostFn = (L) => {
  const n1 = L.checkInteger(2);
  const u1 = checkUpval(L, 1, 2);
  L.argCheck(u1 !== null, 2, 'invalid upvalue index');
  const u2 = checkUpval(L, 3, 4);
  L.argCheck(u2 !== null, 4, 'invalid upvalue index');
  L.argCheck(L.type(1) === Tag.LFunc, 1, 'Lua function expected');
  L.argCheck(L.type(3) === Tag.LFunc, 3, 'Lua function expected');
  const h = L.heap;
  h.setClosureUpval(h.i32[L.ptr(1) >> 2]!, n1 - 1, u2!.uv);
  return 0;
};

const getmetatable: HostFn = (L) => {
  L.checkAny(1);
  if (!L.getMetatable(1)) L.pushNil();
  return 1;
};

const setmetatable: HostFn = (L) => {
  const t = L.type(2);
  if (t !== Tag.Nil && t !== Tag.Table || L.isNone(2)) L.typeError(2, 'nil or table');
  L.settop(2);
  const tag = L.type(1);
  if (tag === Tag.Table || tag === Tag.Userdata) {
    L.setMetatable(1);
  } else {
    const h = L.heap;
    const typeTag = tag === Tag.True ? Tag.False : tag === Tag.Float ? Tag.Int : tag === Tag.HFunc ? Tag.LFunc : tag;
    const mt = t === Tag.Table ? h.i32[L.ptr(2) >> 2]! : 0;
    // one metatable per basic type: booleans, numbers and functions share theirs
    for (const same of sameType(typeTag)) h.typeMetatables[same] = mt;
    L.pop(1);
  }
  return 1;
};

function sameType(tag: number): number[] {
  if (tag === Tag.False) return [Tag.False, Tag.True];
  if (tag === Tag.Int) return [Tag.Int, Tag.Float];
  if (tag === Tag.LFunc) return [Tag.LFunc, Tag.HFunc];
  return [tag];
}

const getregistry: HostFn = (L) => {
  L.pushValue(REGISTRYINDEX);
  return 1;
};

const getuservalue: HostFn = (L) => {
  const n = L.optInteger(2, 1);
  if (L.type(1) !== Tag.Userdata) { L.pushNil(); return 1; }
  const h = L.heap;
  const ref = h.i32[L.ptr(1) >> 2]!;
  // lua_getiuservalue pushes nil and answers LUA_TNONE for a missing value: one result
  if (n < 1 || n > uservalueCount(L, ref)) { L.pushNil(); return 1; }
  L.pushNil();
  h.copy(L.ptr(-1), h.userdataUservaluePtr(ref, n - 1));
  L.pushBoolean(true);
  return 2;
};

const setuservalue: HostFn = (L) => {
  const n = L.optInteger(3, 1);
  L.checkType(1, Tag.Userdata);
  L.checkAny(2);
  const h = L.heap;
  const ref = h.i32[L.ptr(1) >> 2]!;
  if (n < 1 || n > uservalueCount(L, ref)) { L.pushNil(); return 1; }
  h.copy(h.userdataUservaluePtr(ref, n - 1), L.ptr(2));
  L.settop(1);
  return 1;
};

const traceback: HostFn = (L) => {
  const { td, arg, self } = threadArg(L);
  const t = L.type(arg + 1);
  if (!L.isNone(arg + 1) && t !== Tag.Str && t !== Tag.Int && t !== Tag.Float && t !== Tag.Nil) {
    L.pushValue(arg + 1);
    return 1;
  }
  const msg = t === Tag.Nil || L.isNone(arg + 1) ? undefined : L.toStringX(arg + 1);
  const level = L.optInteger(arg + 2, self ? 1 : 0);
  L.pushString(D.traceback(L, td, msg, level));
  return 1;
};

// Hooks (ldblib's hookf/sethook/gethook): the interpreter calls L.hookFn at its hook points
// (lang/vm/interp.ts, state.ts) with the thread's mask and count kept in its ThreadData. As
// ldblib, the Lua functions live in a registry table with weak keys (thread -> hook).
const HOOK_NAMES = ['call', 'return', 'line', 'count', 'tail call'];

/** ldblib's hookf: calls the running thread's Lua hook with the event name and the line
 *  (nil when negative). The VM has marked the hooked frame and turned hooks off. */
function callHook(L: LuaState, event: HookEvent, line: number): void {
  const top = L.gettop();
  if (L.getField(REGISTRYINDEX, '_HOOKKEY') === Tag.Table) {
    L.pushThreadRef(L.td.ref);
    const t = L.rawGet(-2);
    if (t === Tag.LFunc || t === Tag.HFunc) {
      L.pushString(HOOK_NAMES[event]!);
      if (line >= 0) L.pushInteger(line);
      else L.pushNil();
      L.call(2, 0);
    }
  }
  L.settop(top);
}

/** Pushes the hook table (created on first use). */
function hookTable(L: LuaState): void {
  if (L.getField(REGISTRYINDEX, '_HOOKKEY') === Tag.Table) return;
  L.pop(1);
  L.newTable(0, 1);
  L.pushValue(-1);
  L.setField(REGISTRYINDEX, '_HOOKKEY');
  L.newTable(0, 1);
  L.pushString('k');
  L.setField(-2, '__mode');
  L.setMetatable(-2);
}

const sethook: HostFn = (L) => {
  const { td, arg } = threadArg(L);
  let mask = 0;
  let count = 0;
  if (L.isNoneOrNil(arg + 1)) {
    L.settop(arg + 1);
  } else {
    const smask = L.checkString(arg + 2);
    const t = L.type(arg + 1);
    if (t !== Tag.LFunc && t !== Tag.HFunc) L.typeError(arg + 1, 'function');
    count = L.optInteger(arg + 3, 0);
    if (smask.includes('c')) mask |= HOOK_CALL;
    if (smask.includes('r')) mask |= HOOK_RET;
    if (smask.includes('l')) mask |= HOOK_LINE;
    if (count > 0) mask |= HOOK_COUNT;
  }
  hookTable(L);
  L.pushThreadRef(td.ref);
  L.pushValue(arg + 1);
  L.rawSet(-3);
  // lua_sethook: an empty mask turns hooks off
  if (mask === 0) count = 0;
  L.hookFn = callHook;
  td.baseHookCount = count;
  td.hookCount = count;
  td.hookMask = mask;
  return 0;
};

const gethook: HostFn = (L) => {
  const { td } = threadArg(L);
  const mask = td.hookMask;
  if (mask === 0) { L.pushNil(); return 1; }
  hookTable(L);
  L.pushThreadRef(td.ref);
  L.rawGet(-2);
  L.pushString((mask & HOOK_CALL ? 'c' : '') + (mask & HOOK_RET ? 'r' : '') + (mask & HOOK_LINE ? 'l' : ''));
  L.pushInteger(td.baseHookCount);
  return 3;
};

/** Unread standard input of debug.debug, per state (lines are taken one at a time). */
const DEBUG_INPUT = new WeakMap<LuaState, { buf: string; eof: boolean }>();

/** fgets with ldblib's 250-byte buffer: at most 249 bytes, up to and including a newline. */
function readCommand(L: LuaState): string | null {
  let st = DEBUG_INPUT.get(L);
  if (!st) DEBUG_INPUT.set(L, st = { buf: '', eof: false });
  const read = stdinReader(L);
  for (;;) {
    const nl = st.buf.indexOf('\n');
    if (nl >= 0 && nl < 249 || st.buf.length >= 249 || st.eof) {
      const n = nl >= 0 && nl < 249 ? nl + 1 : Math.min(249, st.buf.length);
      if (n === 0) return null;
      const line = st.buf.slice(0, n);
      st.buf = st.buf.slice(n);
      return line;
    }
    const chunk = read();
    if (chunk === '') st.eof = true;
    else st.buf += chunk;
  }
}

/** lua_pcall(L, 0, 0, 0). LuaState.pcall keeps an enclosing message handler when given none
 *  (lua_pcall clears it), so a command's error would get the script's traceback. */
function pcallNoHandler(L: LuaState): number {
  const td = L.td;
  const saved = td.errfunc;
  td.errfunc = 0;
  try {
    return L.pcall(0, 0, 0);
  } finally {
    td.errfunc = saved;
  }
}

// db_debug: reads commands from stdin until 'cont' or end of input, running each as a chunk;
// prompts and error messages go to stderr.
const debugRepl: HostFn = (L) => {
  for (;;) {
    L.stderr('lua_debug> ');
    const line = readCommand(L);
    if (line === null || line === 'cont\n') return 0;
    if (L.load(line, '=(debug command)', 'bt') !== 0 || pcallNoHandler(L) !== 0) {
      L.stderr(L.toLString(-1) + '\n');
    }
    L.settop(0);
  }
};

// Deprecated in 5.4: the C stack limit is fixed; the answer is LUAI_MAXCCALLS.
const setcstacklimit: HostFn = (L) => {
  L.checkInteger(1);
  L.pushInteger(200);
  return 1;
};

export const openDebug: HostFn = (L) => {
  L.newLib({
    debug: debugRepl, getuservalue, gethook, getinfo, getlocal, getregistry, getmetatable,
    getupvalue, upvaluejoin, upvalueid, setuservalue, sethook, setlocal, setmetatable,
    setupvalue, traceback, setcstacklimit,
  });
  return 1;
};
