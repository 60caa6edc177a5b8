// Loads the optional native addon (build/Release/lunet.node) and says whether the JIT can run.
// Everything degrades: without the addon, arenas are plain ArrayBuffers and the JIT is off,
// with a reason for `lunet -v` ("JIT: off (<reason>)").
//
// Loading is lazy (first call of any export) so `lunet` start-up pays nothing until a state
// is created.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { NativeBinding } from './binding.js';

export type { NativeBinding } from './binding.js';
export { CodeMemory, type CodeBlock } from './code-memory.js';

export interface NativeStatus {
  /** The addon loaded (and passed its probe). */
  addon: boolean;
  /** Machine code can be written, made executable and run here. */
  jit: boolean;
  /** Why the JIT is off, or a short description of what is on. */
  reason: string;
}

interface Loaded {
  status: NativeStatus;
  binding: NativeBinding | null;
}

let loaded: Loaded | null = null;

// Compiled, this file is dist/native/addon.js; the addon is at <root>/build/Release.
const CANDIDATES = ['../../build/Release/lunet.node', '../build/Release/lunet.node'];
const STATUS_FILES = ['../../build/addon-status.txt', '../build/addon-status.txt'];

function off(reason: string): Loaded {
  return { status: { addon: false, jit: false, reason }, binding: null };
}

function buildNote(): string {
  for (const rel of STATUS_FILES) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) {
      const text = readFileSync(p, 'latin1').trim();
      if (text !== '') return text;
    }
  }
  return 'not built';
}

function load(): Loaded {
  if (process.env['LUNET_NATIVE'] === '0') return off('LUNET_NATIVE=0');
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return off(`no JIT backend for ${process.platform}-${process.arch}`);
  }
  const file = CANDIDATES.map((rel) => fileURLToPath(new URL(rel, import.meta.url))).find((p) => existsSync(p));
  if (file === undefined) return off(`native addon missing (${buildNote()})`);
  let binding: NativeBinding;
  try {
    binding = createRequire(import.meta.url)(file) as NativeBinding;
  } catch (e) {
    return off(`native addon failed to load: ${(e as Error).message.split('\n')[0]}`);
  }
  let why: string;
  try {
    why = binding.probe();
  } catch (e) {
    why = `probe threw: ${(e as Error).message}`;
  }
  if (why !== '') return off(why);
  return { status: { addon: true, jit: true, reason: 'x86-64 code memory (W^X) available' }, binding };
}

function state(): Loaded {
  if (loaded === null) loaded = load();
  return loaded;
}

export function nativeStatus(): NativeStatus {
  return { ...state().status };
}

/** Ends the process now with `code` (the CLI, once its output is written), when the addon is
 *  already loaded: Node's own exit waits for V8's background compiles, up to a few hundred ms
 *  after a long script. Returns, leaving the exit to Node, without the addon, or when a
 *  profiler or a coverage run needs to write its files at exit. */
export function exitNow(code: number): void {
  const b = loaded?.binding;
  if (!b) return;
  const flags = `${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`;
  if (process.env['NODE_V8_COVERAGE'] || /--(cpu-prof|heap-prof|prof\b|diagnostic|report)/.test(flags)) return;
  b.exitNow(code);
}

/** The addon's exports when the JIT is available, else null. */
export function nativeBinding(): NativeBinding | null {
  return state().binding;
}

function requireBinding(what: string): NativeBinding {
  const s = state();
  if (s.binding === null) throw new Error(`${what}: JIT unavailable (${s.status.reason})`);
  return s.binding;
}

/** Arena memory for a Lua state: mmap'd (fixed address, lazily committed) with the addon,
 *  else a plain ArrayBuffer. */
export function allocArena(bytes: number): ArrayBuffer {
  const b = state().binding;
  return b === null ? new ArrayBuffer(bytes) : b.createArena(bytes);
}

/** Give an arena back now (its views become empty); a no-op for plain ArrayBuffers, which
 *  the GC reclaims. Never use the arena's views afterwards. */
export function freeArena(ab: ArrayBuffer): void {
  const b = state().binding;
  if (b !== null && b.isArena(ab)) b.releaseArena(ab);
}

export function isNativeArena(ab: ArrayBuffer): boolean {
  const b = state().binding;
  return b !== null && b.isArena(ab);
}

/** The arena's base address (what machine code adds offsets to). Throws for plain buffers. */
export function arenaAddress(ab: ArrayBuffer): bigint {
  return requireBinding('arenaAddress').arenaAddress(ab);
}

/** Makes enter() use the context block at `offset` in `arena` (u64 code address at +0). */
export function setEnterContext(arena: ArrayBuffer, offset: number): void {
  requireBinding('setEnterContext').setEnterContext(arena, offset);
}

export function clearEnterContext(): void {
  state().binding?.clearEnterContext();
}

/** The raw entry function itself: keep it in a local and call it with no arguments. */
export function enterFunction(): () => number {
  return requireBinding('enter').enter;
}
