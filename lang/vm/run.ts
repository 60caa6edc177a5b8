// Running a script the way lua.c does (docall with a traceback message handler), for the
// CLI and for fixture tests: output goes through callbacks, the result is an exit status.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Tag } from '../heap/tags.js';
import { LuaState, LuaThrow } from './state.js';
import type { HostFn } from './types.js';

export interface RunOptions {
  stdout?: (bytes: string) => void;
  stderr?: (bytes: string) => void;
  /** Chunk name; default '@' + the file's base name (fixtures run from their folder). */
  chunkName?: string;
  /** Script arguments (arg[1..n]). */
  args?: string[];
  /** Warnings on from the start (lua -W). */
  warnings?: boolean;
  memoryLimit?: number;
  /** Program name for messages (lua.c's progname). */
  progName?: string;
  /** Called with the state before the script runs (e.g. to install hooks). */
  setup?: (L: LuaState) => void;
}

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

/** Run a Lua file; returns the exit status lua5.4 would (0 ok, 1 error). */
export function runFile(path: string, opts: RunOptions = {}): { status: number; state: LuaState } {
  const L = LuaState.create({ stdout: opts.stdout, stderr: opts.stderr, memoryLimit: opts.memoryLimit });
  const prog = opts.progName ?? 'lunet';
  const err = opts.stderr ?? ((s: string) => { process.stderr.write(Buffer.from(s, 'latin1')); });
  L.warnOn = opts.warnings ?? false;
  L.openLibs();
  opts.setup?.(L);
  // arg table
  L.newTable();
  L.pushString(path);
  L.rawSetI(-2, 0);
  (opts.args ?? []).forEach((a, i) => { L.pushString(a); L.rawSetI(-2, i + 1); });
  L.setGlobal('arg');
  let src: string;
  try {
    src = readFileSync(path, 'latin1');
  } catch {
    err(`${prog}: cannot open ${path}\n`);
    return { status: 1, state: L };
  }
  const chunkName = opts.chunkName ?? '@' + basename(path);
  const args = opts.args ?? [];
  let status = 0;
  let message: string | undefined;
  // like lua.c's pmain: the script runs below a host frame ("[C]: in ?" ends tracebacks)
  const pmain: HostFn = (L) => {
    if (L.load(src, chunkName, 'bt', 0, true) !== 0) {
      status = 1;
      message = L.toStringX(-1);
      return 0;
    }
    for (const a of args) L.pushString(a);
    if (docall(L, args.length, -1) !== 0) {
      status = 1;
      message = L.toStringX(-1) ?? `(error object is a ${L.typeNameAt(-1)} value)`;
    }
    return 0;
  };
  L.pushHostFunction(pmain, 0, 'pmain');
  // lua.c passes argc and argv: same stack layout, same depth at which "stack overflow" hits
  L.pushInteger(args.length + 1);
  L.pushNil();
  if (L.pcall(2, 0, 0) !== 0) {
    status = 1;
    message = L.toStringX(-1) ?? `(error object is a ${L.typeNameAt(-1)} value)`;
  }
  if (status !== 0) {
    err(`${prog}: ${message}\n`);
    return { status, state: L };
  }
  L.heap.close();
  return { status: 0, state: L };
}
