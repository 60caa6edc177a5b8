// `Lua`: one Lua 5.4 state for a Node program, meant for untrusted scripts. See the
// Embedding section of README.md for the value mapping and the limits.
import { Bridge } from './bridge.js';
import { LuaClosedError } from './error.js';
import type { LibsOption } from './libs.js';
import { toBytes } from './text.js';
import { MultiReturn, type LuaFunction } from './values.js';

export interface LuaOptions {
  /** Bytes the state may use (objects plus strings); beyond it the script gets the Lua error
   *  `not enough memory` (catchable, the state stays usable). Default 256 MiB. */
  memoryLimit?: number;
  /** Milliseconds each call from JS into Lua (run, call, a LuaFunction, LuaTable.get...) may
   *  take; then it fails with `time limit exceeded`, which pcall cannot stop. Default: none. */
  timeLimit?: number;
  /** Loop iterations plus function calls each call from JS may make (checked every 1000, so
   *  up to 999 more may run). Deterministic, so it turns the JIT off (compiled loops are not
   *  counted one by one). Default: none. */
  instructionLimit?: number;
  /** Compile hot loops to machine code (where the native addon loads). Default true (false
   *  with an instructionLimit). */
  jit?: boolean;
  /** 'sandbox' (default), 'all', or a list of library names; see README.md. */
  libs?: LibsOption;
  /** How Lua strings come to JS: decoded from UTF-8 ('text', default) or as Buffers of the
   *  raw bytes ('bytes'). */
  strings?: 'text' | 'bytes';
  /** Where print/io.write output goes, as text decoded from UTF-8. Default: process.stdout. */
  stdout?: (text: string) => void;
  /** Where warnings (warn('@on')) and io.stderr output go. Default: process.stderr. */
  stderr?: (text: string) => void;
}

const DEFAULT_MEMORY = 256 * 1024 * 1024;
/** The arena holds offsets below 2^32 and is twice the limit (lang/heap/README.md). */
const MAX_MEMORY = 1024 * 1024 * 1024;

function positive(name: string, v: number | undefined, max = Infinity): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !(v > 0) || v > max) {
    throw new RangeError(`lunet: option ${name} must be a positive number${max < Infinity ? ` up to ${max}` : ''}, got ${String(v)}`);
  }
  return v;
}

export class Lua {
  private readonly b: Bridge;

  constructor(options: LuaOptions = {}) {
    const memoryLimit = positive('memoryLimit', options.memoryLimit, MAX_MEMORY) || DEFAULT_MEMORY;
    this.b = new Bridge({
      memoryLimit,
      timeLimit: positive('timeLimit', options.timeLimit),
      instructionLimit: Math.ceil(positive('instructionLimit', options.instructionLimit)),
      jit: (options.jit ?? true) && options.instructionLimit === undefined,
      libs: options.libs ?? 'sandbox',
      strings: options.strings ?? 'text',
      stdout: options.stdout,
      stderr: options.stderr,
    });
  }

  /** Several results for Lua from a JS function: `return Lua.multi(a, b)`. */
  static multi(...values: unknown[]): MultiReturn { return new MultiReturn(values); }

  /** Runs a chunk of Lua source and returns its first result (undefined when none).
   *  `chunkName` names it in messages (`name:1: ...`); default 'input'. */
  run(source: string | Uint8Array, chunkName?: string): unknown {
    return this.runAll(source, chunkName)[0];
  }

  /** Like run, but returns every result. */
  runAll(source: string | Uint8Array, chunkName?: string): unknown[] {
    checkSource(source);
    const b = this.b;
    return b.protect(() => {
      b.push(source);
      if (b.L.load(b.L.toStringX(-1)!, toBytes(displayName(chunkName)), 't') !== 0) b.raiseSyntax();
      return b.callTop([]);
    });
  }

  /** Compiles a chunk without running it; the function runs it (with its arguments as `...`). */
  load(source: string | Uint8Array, chunkName?: string): LuaFunction {
    checkSource(source);
    const b = this.b;
    return b.protect(() => {
      b.push(source);
      if (b.L.load(b.L.toStringX(-1)!, toBytes(displayName(chunkName)), 't') !== 0) b.raiseSyntax();
      return b.toJS(-1) as LuaFunction;
    });
  }

  /** The global `name` as a JS value. */
  get(name: string): unknown {
    const b = this.b;
    return b.protect(() => {
      b.push(name);
      b.L.pushPtr(b.L.globalsPtr());
      b.L.insert(-2);
      b.L.getTable(-2);
      return b.toJS(-1);
    });
  }

  /** Sets the global `name` (JS functions become Lua functions, objects and arrays tables). */
  set(name: string, value: unknown): void {
    const b = this.b;
    b.protect(() => {
      b.L.pushPtr(b.L.globalsPtr());
      b.push(name);
      b.push(value);
      b.L.setTable(-3);
    });
  }

  /** Calls the global function `name` (or a function value) and returns its first result. */
  call(fn: string | LuaFunction | ((...a: unknown[]) => unknown), ...args: unknown[]): unknown {
    return this.callAll(fn, ...args)[0];
  }

  /** Like call, but returns every result. */
  callAll(fn: string | LuaFunction | ((...a: unknown[]) => unknown), ...args: unknown[]): unknown[] {
    const b = this.b;
    return b.protect(() => {
      if (typeof fn === 'string') {
        b.L.pushPtr(b.L.globalsPtr());
        b.push(fn);
        b.L.getTable(-2);
        if (b.L.type(-1) === 0 /* nil */) b.raise(`attempt to call a nil value (global '${fn}')`);
      } else {
        b.push(fn);
      }
      return b.callTop(args);
    });
  }

  /** Bytes the state uses now (what memoryLimit applies to). */
  memoryUsed(): number {
    if (this.b.closed) throw new LuaClosedError();
    return this.b.L.heap.bytesInUse();
  }

  /** Runs pending finalizers and frees the state's memory at once. Every later use of this
   *  Lua, or of a table or function taken from it, throws LuaClosedError. Idempotent. */
  close(): void { this.b.close(); }

  get closed(): boolean { return this.b.closed; }

  /** @internal (specs: whether loops were compiled) */
  get traceCount(): number { return this.b.jit?.traceCount() ?? 0; }
}

function checkSource(source: unknown): void {
  if (typeof source !== 'string' && !(source instanceof Uint8Array)) {
    throw new TypeError(`lunet: Lua source must be a string or a Uint8Array, got ${source === null ? 'null' : typeof source}`);
  }
}

/** A chunk name as PUC's messages show it: '=name' is shown as is. */
function displayName(name: string | undefined): string {
  if (name === undefined) return '=input';
  return name.startsWith('=') || name.startsWith('@') ? name : '=' + name;
}
