// What the compiler produces for each function: the contract between lang/compile and
// lang/vm. It holds no arena references, so compiling needs no heap; the VM turns the
// constants into arena values when it first loads a Proto (see lang/vm).

/** A compile-time constant. Integers are exact int64 (bigint); strings are byte strings. */
export type Constant =
  | { kind: 'nil' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string };

export interface UpvalDesc {
  /** Name for messages and debug.getupvalue ('_ENV' for the main chunk's only upvalue). */
  name: string;
  /** true: captures a register of the enclosing function; false: an upvalue of it. */
  inStack: boolean;
  /** Register (inStack) or upvalue index in the enclosing function. */
  index: number;
  /** 0 regular, 1 <const>, 2 <close>, 3 compile-time constant (as lparser's VDKREG/RDKCONST/RDKTOCLOSE/RDKCTC). */
  kind: number;
}

export interface LocVar {
  name: string;
  /** First pc where the variable is active, and the first pc where it is dead. */
  startPc: number;
  endPc: number;
}

export interface Proto {
  /** Chunk name as given to load/the CLI: '@script.lua', '=stdin', or the source string. */
  source: string;
  lineDefined: number;      // 0 for the main chunk
  lastLineDefined: number;  // 0 for the main chunk
  numParams: number;
  isVararg: boolean;
  maxStackSize: number;
  code: Int32Array;
  /** Absolute source line of each instruction (same length as code). */
  lineInfo: Int32Array;
  constants: Constant[];
  upvalues: UpvalDesc[];
  protos: Proto[];
  locVars: LocVar[];
}
