// lua_load: source bytes -> front end -> compiler -> a closure on the stack whose first
// upvalue (_ENV) is the globals table or a given value.

import { Tag } from '../heap/tags.js';
import { LuaMemoryError } from '../heap/errors.js';
import { parse, LuaSyntaxError } from '../front/index.js';
import { compile } from '../compile/index.js';
import type { LuaState } from './state.js';
import type { Proto } from '../compile/proto.js';
// binary chunks (string.dump's format, 5.4's own) are read by the string library's undump
import { undumpProto, BinaryChunkError } from '../compile/dump.js';

export const LOAD_OK = 0;
export const LOAD_ERRSYNTAX = 3;

/**
 * Load a chunk. `mode`: 't', 'b' or 'bt'. `envPtr`: TValue pointer of the value for _ENV
 * (0 = the globals). Pushes the function (returns LOAD_OK) or the error message.
 * `cLevels`: C levels in use (1 for a script run by the CLI, 2 for `load` called from Lua).
 */
export function loadChunk(L: LuaState, src: string, chunkName: string, mode: string, envPtr = 0,
                          isFile = false, cLevels = 1): number {
  if (src.charCodeAt(0) === 0x1b) {
    if (mode.indexOf('b') < 0) {
      L.pushString(`attempt to load a binary chunk (mode is '${mode}')`);
      return LOAD_ERRSYNTAX;
    }
    let BP;
    try {
      BP = undumpProto(src, chunkName);
    } catch (e) {
      if (e instanceof BinaryChunkError) { L.pushString(e.message); return LOAD_ERRSYNTAX; }
      throw e;
    }
    return pushClosure(L, BP, envPtr);
  }
  if (mode.indexOf('t') < 0) {
    L.pushString(`attempt to load a text chunk (mode is '${mode}')`);
    return LOAD_ERRSYNTAX;
  }
  let P;
  try {
    P = compile(parse(src, chunkName, { isFile, cLevels }));
  } catch (e) {
    if (e instanceof LuaSyntaxError) { L.pushString(e.message); return LOAD_ERRSYNTAX; }
    if (e instanceof RangeError) { L.pushString(`${chunkNameShort(chunkName)}: chunk has too many syntax levels`); return LOAD_ERRSYNTAX; }
    throw e;
  }
  return pushClosure(L, P, envPtr);
}

/** A closure of P on top of the stack, its first upvalue (_ENV) set as lua_load does. */
function pushClosure(L: LuaState, P: Proto, envPtr: number): number {
  const h = L.heap;
  const pref = h.newProto(P);
  // keep the closure rooted while its upvalue is made
  const cl = h.newLClosure(pref, P.upvalues.length);
  h.setObj(L.slot(L.top), Tag.LFunc, cl);
  L.top++;
  L.ensureSlots(L.top + 2);
  if (P.upvalues.length > 0) {
    const s = L.top;
    L.top++;
    h.copy(L.slot(s), envPtr !== 0 ? envPtr : L.globalsPtr());
    const uv = h.newUpval(L.th, s);
    h.closeUpval(uv);
    h.setClosureUpval(cl, 0, uv);
    for (let i = 1; i < P.upvalues.length; i++) {
      h.setNil(L.slot(s));
      const u2 = h.newUpval(L.th, s);
      h.closeUpval(u2);
      h.setClosureUpval(cl, i, u2);
    }
    L.top--;
  }
  return LOAD_OK;
}

function chunkNameShort(n: string): string {
  return n.startsWith('@') || n.startsWith('=') ? n.slice(1) : n;
}

export { LuaMemoryError };
