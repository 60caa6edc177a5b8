// The `lunet` command: lua.c's behaviour (pmain, handle_script, runargs, dolibrary, LUA_INIT,
// the REPL) on a LuaState, writing through a CliIo so tests can run it in-process.
// (`process` is used as the global: importing from 'node:process' builds its ESM facade,
// which creates the stdout stream, several ms of every start-up.)
import { Tag } from '../heap/tags.js';
import { LuaState, LuaThrow } from '../vm/state.js';
import { docall } from '../vm/run.js';
import { REGISTRYINDEX } from '../vm/consts.js';
import { LuaExit } from '../../stdlib/exit.js';
import { setIoHost } from '../../stdlib/io-host.js';
import { allocArena, exitNow, freeArena, nativeStatus } from '../../native/addon.js';
import { Heap, arenaBytesFor } from '../heap/index.js';
import { type Action, type ParsedArgs, PROGNAME, parseArgs, usage } from './args.js';
import { type CliIo, captureIo, processIo, readFileBytes } from './io.js';
import { JIT_DEFAULT_ON, jitUnavailable } from '../../jit/status.js';

// Modules only some runs need are imported by main() before the run (the run itself is
// synchronous): the JIT (a tenth of lunet's code; not for -joff), the REPL, the listing.
type JitModule = typeof import('../../jit/jit.js');
type ListingModule = typeof import('../compile/listing.js');
type ReplModule = typeof import('./repl.js');
let jitModule: JitModule | null = null;
let listingModule: ListingModule | null = null;
let replModule: ReplModule | null = null;

/** Makes the optional modules available to runCli (main() loads just those a run needs). */
export function provideModules(m: { jit?: JitModule; listing?: ListingModule; repl?: ReplModule }): void {
  if (m.jit) jitModule = m.jit;
  if (m.listing) listingModule = m.listing;
  if (m.repl) replModule = m.repl;
}

function needed<T>(m: T | null, what: string): T {
  if (m === null) throw new Error(`lunet: the ${what} module was not loaded before the run`);
  return m;
}

export const VERSION = '0.1.0';
/** Memory a script may use (arena objects plus string bytes), as the embedding default. */
const MEMORY_LIMIT = 1024 * 1024 * 1024;

export function versionLine(): string {
  const why = jitUnavailable();
  return `${PROGNAME} ${VERSION} (Lua 5.4) JIT: ${why === '' ? 'on x86-64' : `off (${why})`}`;
}

/** l_message: `progname: msg` on stderr. */
function message(io: CliIo, msg: string): void {
  io.stderr(`${PROGNAME}: ${msg}\n`);
}

/** lua.c's report: print the error message on top (if the status is an error). */
function report(L: LuaState, io: CliIo, status: number): number {
  if (status !== 0) {
    const msg = L.type(-1) === Tag.Str || L.type(-1) === Tag.Int || L.type(-1) === Tag.Float
      ? L.toStringX(-1)!
      : `(error object is a ${L.typeNameAt(-1)} value)`;
    message(io, msg);
    L.pop(1);
  }
  return status;
}

function dochunk(L: LuaState, io: CliIo, status: number): number {
  if (status === 0) status = docall(L, 0, 0);
  return report(L, io, status);
}

function dostring(L: LuaState, io: CliIo, s: string, name: string): number {
  return dochunk(L, io, L.load(s, name, 'bt'));
}

/** luaL_loadfilex for the CLI: `null` is stdin. Skips a `#` first line; pushes the function or
 *  an error message, and returns the status. */
export function loadFile(L: LuaState, io: CliIo, path: string | null): number {
  let src: string;
  let chunkName: string;
  if (path === null) {
    src = io.readStdin();
    chunkName = '=stdin';
  } else {
    const r = readFileBytes(path);
    if ('error' in r) {
      L.pushString(`cannot open ${path}: ${r.error}`);
      return 6; // LUA_ERRFILE
    }
    src = r.bytes;
    chunkName = '@' + path;
  }
  return L.load(src, chunkName, 'bt', 0, true);
}

/** `-l mod` or `-l g=mod`: global g = require(mod). */
function dolibrary(L: LuaState, io: CliIo, spec: string): number {
  const eq = spec.indexOf('=');
  const globalName = eq >= 0 ? spec.slice(0, eq) : spec;
  const modName = eq >= 0 ? spec.slice(eq + 1) : spec;
  L.getGlobal('require');
  L.pushString(modName);
  const status = docall(L, 1, 1);
  if (status === 0) L.setGlobal(globalName);
  return report(L, io, status);
}

function createArgTable(L: LuaState, argv: readonly string[], script: number): void {
  // argv[0] is the program name here, as in lua.c.
  const all = [PROGNAME, ...argv];
  const scriptIdx = script >= 0 ? script + 1 : 0;
  L.newTable(Math.max(0, all.length - scriptIdx - 1), scriptIdx + 1);
  for (let i = 0; i < all.length; i++) {
    L.pushString(all[i]);
    L.rawSetI(-2, i - scriptIdx);
  }
  L.setGlobal('arg');
}

function handleLuaInit(L: LuaState, io: CliIo): number {
  let name = '=LUA_INIT_5_4';
  let init = io.env.LUA_INIT_5_4;
  if (init === undefined) {
    name = '=LUA_INIT';
    init = io.env.LUA_INIT;
  }
  if (init === undefined) return 0;
  if (init[0] === '@') return dochunk(L, io, loadFile(L, io, init.slice(1)));
  return dostring(L, io, init, name);
}

function runActions(L: LuaState, io: CliIo, actions: readonly Action[]): boolean {
  for (const a of actions) {
    if (a.kind === 'W') {
      L.warn('@on', false);
    } else if (a.kind === 'e') {
      if (dostring(L, io, a.chunk, '=(command line)') !== 0) return false;
    } else if (dolibrary(L, io, a.spec) !== 0) {
      return false;
    }
  }
  return true;
}

function handleScript(L: LuaState, io: CliIo, argv: readonly string[], script: number): number {
  const fname = argv[script];
  const fromStdin = fname === '-' && argv[script - 1] !== '--';
  let status = loadFile(L, io, fromStdin ? null : fname);
  if (status === 0) {
    const args = argv.slice(script + 1);
    L.checkStack(args.length + 3);
    for (const a of args) L.pushString(a);
    status = docall(L, args.length, -1);
  }
  return report(L, io, status);
}

/** lua.c's pmain. Returns the exit status. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv);
  if (args.badOption !== null) {
    io.stderr(usage(args.badOption));
    return 1;
  }
  if (args.version) io.stdout(versionLine() + '\n');
  let L: LuaState;
  // With the addon the arena is mmap'd memory at a fixed address (machine code reads it) that
  // is unmapped as soon as the run ends, instead of whenever V8 collects the buffer.
  const arena = nativeStatus().addon ? allocArena(arenaBytesFor(MEMORY_LIMIT)) : undefined;
  try {
    const heap = new Heap({ memoryLimit: MEMORY_LIMIT, buffer: arena });
    L = LuaState.create({ stdout: io.stdout, stderr: io.stderr, heap });
  } catch (e) {
    message(io, `cannot create state: ${(e as Error).message}`);
    if (arena) freeArena(arena);
    return 1;
  }
  try {
    return runProtected(L, args, argv, io);
  } finally {
    if (arena) freeArena(arena);
  }
}

function runProtected(L: LuaState, args: ParsedArgs, argv: readonly string[], io: CliIo): number {
  setIoHost(L, { flushStdout: () => io.flush(), readStdin: io.readStdinChunk });
  // lua.c switches the collector to generational mode (collectgarbage reports it)
  L.heap.gcMode = 'generational';
  try {
    // Like lua.c, everything runs inside a protected host function (pmain), so tracebacks
    // end with its `[C]: in ?` frame.
    let status = 1;
    // lua.c passes pmain argc and argv: two stack slots that decide, for instance, exactly
    // where a runaway recursion overflows the stack.
    L.pushHostFunction(() => { status = runState(L, args, argv, io); return 0; }, 0, 'pmain');
    L.pushInteger(argv.length + 1);
    L.pushNil();
    if (L.pcall(2, 0, 0) !== 0) status = report(L, io, 2) && 1;
    // lua_close: pending finalizers run whether the script succeeded or not
    L.heap.close();
    return status;
  } catch (e) {
    if (e instanceof LuaExit) return e.status;
    if (e instanceof LuaThrow) { message(io, e.text ?? '(error object is not a string)'); return 1; }
    throw e;
  } finally {
    io.flush();
  }
}

function runState(L: LuaState, args: ParsedArgs, argv: readonly string[], io: CliIo): number {
  if (args.ignoreEnv) {
    L.pushBoolean(true);
    L.setField(REGISTRYINDEX, 'LUA_NOENV');
  }
  L.openLibs();
  createArgTable(L, argv, args.script);
  if ((args.jit.enabled ?? JIT_DEFAULT_ON) && jitUnavailable() === '') needed(jitModule, 'JIT').attachJit(L, args.jit);
  if (args.list) return listScript(L, io, argv, args.script);
  if (!args.ignoreEnv && handleLuaInit(L, io) !== 0) return 1;
  if (!runActions(L, io, args.actions)) return 1;
  if (args.script >= 0 && handleScript(L, io, argv, args.script) !== 0) return 1;
  if (args.interactive) {
    needed(replModule, 'REPL').runRepl(L, io);
  } else if (args.script < 0 && !args.hasE && !args.version) {
    if (io.stdinIsTTY) {
      io.stdout(versionLine() + '\n');
      needed(replModule, 'REPL').runRepl(L, io);
    } else if (dochunk(L, io, loadFile(L, io, null)) !== 0) {
      return 1;
    }
  }
  return 0;
}

function listScript(L: LuaState, io: CliIo, argv: readonly string[], script: number): number {
  if (script < 0) { message(io, '--list needs a script'); return 1; }
  const status = loadFile(L, io, argv[script] === '-' ? null : argv[script]);
  if (status !== 0) return report(L, io, status);
  const h = L.heap;
  io.stdout(needed(listingModule, 'listing').listProto(h.protoOf(h.closureProto(h.i32[L.ptr(-1) >> 2])), true));
  return 0;
}

/** Run the CLI in this process with captured output (tests). `cwd` is entered for the run. */
export function runCliCaptured(argv: readonly string[], opts: { cwd?: string; stdin?: string; env?: Record<string, string | undefined> } = {}):
    { status: number; stdout: string; stderr: string } {
  const io = captureIo(opts.stdin ?? '', opts.env ?? {});
  const saved = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  let status: number;
  try {
    status = runCli(argv, io);
  } finally {
    if (opts.cwd) process.chdir(saved);
  }
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** Loads every optional module (tests run the CLI in-process in all its modes). */
export async function provideAllModules(): Promise<void> {
  provideModules({
    jit: await import('../../jit/jit.js'),
    listing: await import('../compile/listing.js'),
    repl: await import('./repl.js'),
  });
}

/** The real process. */
export async function main(argv: readonly string[]): Promise<void> {
  const io = processIo();
  const args = parseArgs(argv);
  if (args.badOption === null) {
    if ((args.jit.enabled ?? JIT_DEFAULT_ON) && jitUnavailable() === '') provideModules({ jit: await import('../../jit/jit.js') });
    if (args.list) provideModules({ listing: await import('../compile/listing.js') });
    // The REPL runs after -i, or without a script or -e/-v when stdin is a terminal.
    if (args.interactive || (args.script < 0 && !args.hasE && !args.version && io.stdinIsTTY)) {
      provideModules({ repl: await import('./repl.js') });
    }
  }
  const status = runCli(argv, io);
  io.flush();
  process.exitCode = status;
  exitNow(status);
}
