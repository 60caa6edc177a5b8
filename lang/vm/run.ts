// lua.c's docall with its traceback message handler, for the CLI (lang/cli) and embedders.

import { Tag } from '../heap/tags.js';
import type { LuaState } from './state.js';
import type { HostFn } from './types.js';

/** lua.c's msghandler: non-string errors via __tostring or "(error object is a X value)",
 *  then a traceback from level 1. */
export const msgHandler: HostFn = (L) => {
  let msg = L.type(1) === Tag.Str || L.type(1) === Tag.Int || L.type(1) === Tag.Float ? L.toStringX(1) : undefined;
  if (msg === undefined) {
    if (L.callMeta(1, '__tostring') && L.type(-1) === Tag.Str) return 1;
    msg = `(error object is a ${L.typeNameAt(1)} value)`;
  }
  L.pushString(L.traceback(msg, 1));
  return 1;
};

/** lua.c's docall: call the function below `nargs` arguments with the traceback handler.
 *  Returns 0 or the error status (message on top). */
export function docall(L: LuaState, nargs: number, nres: number): number {
  const base = L.gettop() - nargs;
  L.pushHostFunction(msgHandler, 0, 'msghandler');
  L.insert(base);
  const st = L.pcall(nargs, nres, base);
  L.remove(base);
  return st;
}
