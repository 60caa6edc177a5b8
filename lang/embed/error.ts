// The error a Lua call raises in JS: the Lua message, the error value itself and the Lua
// traceback of the point where it was raised.

/** Why a call into Lua failed. */
export type LuaErrorKind =
  /** the script raised an error (`error(...)`, `attempt to ...`) */
  | 'runtime'
  /** the source did not compile */
  | 'syntax'
  /** the memory limit was reached (`not enough memory`) */
  | 'memory'
  /** the time limit of the call ran out (`time limit exceeded`) */
  | 'timeout'
  /** the instruction limit of the call ran out (`instruction limit exceeded`) */
  | 'instructions'
  /** the script called `os.exit` (see `exitCode`) */
  | 'exit';

export class LuaError extends Error {
  override readonly name = 'LuaError';
  /** The Lua error value as a JS value (a string for most errors; tables come as LuaTable). */
  readonly value: unknown;
  /** `stack traceback:` text of the Lua stack where the error was raised ('' when none). */
  readonly traceback: string;
  readonly kind: LuaErrorKind;
  /** The status passed to os.exit (kind 'exit' only). */
  readonly exitCode: number | undefined;

  constructor(message: string, value: unknown, traceback: string, kind: LuaErrorKind, exitCode?: number) {
    super(message);
    this.value = value;
    this.traceback = traceback;
    this.kind = kind;
    this.exitCode = exitCode;
  }
}

/** Thrown by every method of a Lua (or of a value taken from it) once it has been closed. */
export class LuaClosedError extends Error {
  override readonly name = 'LuaClosedError';
  constructor() { super('lunet: this Lua state is closed'); }
}
