// The one error type the front end throws. Its message is exactly what lua5.4 reports,
// so the CLI and `load` can pass it on untouched.

export class LuaSyntaxError extends Error {
  /** True when the error is at <eof>: lua.c's REPL then reads another line and retries. */
  readonly incomplete: boolean;
  /** Line of the error (0 when Lua's message carries none, e.g. `C stack overflow`). */
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.name = 'LuaSyntaxError';
    this.line = line;
    this.incomplete = message.endsWith('<eof>');
  }
}
