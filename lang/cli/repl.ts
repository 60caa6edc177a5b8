// The interactive loop of lua.c (doREPL): `> ` / `>> ` prompts (or _PROMPT/_PROMPT2), a line is
// first tried as `return <line>` to print its values, incomplete statements continue on the next
// line, errors are printed and the loop goes on.
import { Tag } from '../heap/tags.js';
import type { LuaState } from '../vm/state.js';
import { docall } from '../vm/run.js';
import { PROGNAME } from './args.js';
import type { CliIo } from './io.js';

function prompt(L: LuaState, first: boolean): string {
  L.getGlobal(first ? '_PROMPT' : '_PROMPT2');
  const p = L.type(-1) === Tag.Str ? L.toStringX(-1)! : (first ? '> ' : '>> ');
  L.pop(1);
  return p;
}

/** True when `msg` is a syntax error that more input could complete (ends at <eof>). */
function incomplete(msg: string): boolean {
  return msg.endsWith('<eof>');
}

/** Print the values on the stack above `base` with print (lua.c's l_print). */
function printResults(L: LuaState, io: CliIo, base: number): void {
  const n = L.gettop() - base;
  if (n <= 0) return;
  L.getGlobal('print');
  L.insert(base + 1);
  if (docall(L, n, 0) !== 0) {
    io.stderr(`${PROGNAME}: error calling 'print' (${L.toStringX(-1)})\n`);
    L.pop(1);
  }
}

export function runRepl(L: LuaState, io: CliIo): void {
  const next = (): string | null => io.readLine();
  for (;;) {
    io.stdout(prompt(L, true));
    io.flush();
    let line = next();
    if (line === null) break;
    const base = L.gettop();
    let status = L.load('return ' + line, '=stdin', 't');
    if (status !== 0) {
      L.pop(1);
      let buffer = line;
      for (;;) {
        status = L.load(buffer, '=stdin', 't');
        if (status === 0 || !incomplete(L.toStringX(-1) ?? '')) break;
        L.pop(1);
        io.stdout(prompt(L, false));
        io.flush();
        line = next();
        if (line === null) { L.load(buffer, '=stdin', 't'); break; }
        buffer += '\n' + line;
      }
    }
    if (status === 0) status = docall(L, 0, -1);
    if (status === 0) printResults(L, io, base);
    else {
      const msg = L.type(-1) === Tag.Str ? L.toStringX(-1)! : `(error object is a ${L.typeNameAt(-1)} value)`;
      io.stderr(`${PROGNAME}: ${msg}\n`);
    }
    L.settop(base);
  }
  io.stdout('\n');
}
