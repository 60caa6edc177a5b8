// Which standard libraries an embedded state gets. 'sandbox' (the default) is what an
// untrusted script may use: no files, processes, environment, native modules or debug library,
// and no binary chunks (whose loader trusts its input far less than the compiler does).
import { Tag } from '../heap/tags.js';
import type { LuaState } from '../vm/state.js';
import type { HostFn } from '../vm/types.js';
import { LIBS } from '../../stdlib/index.js';

export type LibName = 'base' | 'package' | 'coroutine' | 'table' | 'math' | 'utf8' | 'string' | 'io' | 'os' | 'debug';
export type LibsOption = 'sandbox' | 'all' | readonly LibName[];

export const ALL_LIBS: readonly LibName[] = ['base', 'package', 'coroutine', 'table', 'math', 'utf8', 'string', 'io', 'os', 'debug'];

/** The sandbox: these libraries, minus the functions below. */
const SANDBOX_LIBS: readonly LibName[] = ['base', 'coroutine', 'table', 'math', 'utf8', 'string', 'os'];
/** Reach into the host's files, processes and environment. */
const SANDBOX_REMOVED: Record<string, readonly string[]> = {
  _G: ['dofile', 'loadfile'],
  os: ['execute', 'exit', 'getenv', 'remove', 'rename', 'tmpname', 'setlocale'],
};

/** Opens the libraries `libs` names in L (luaL_openlibs for a subset); throws a JS error for
 *  an unknown name. */
export function openLibs(L: LuaState, libs: LibsOption): void {
  const names = libs === 'all' ? ALL_LIBS : libs === 'sandbox' ? SANDBOX_LIBS : libs;
  for (const n of names) {
    if (!ALL_LIBS.includes(n)) throw new Error(`lunet: unknown library '${String(n)}' (libs: ${ALL_LIBS.join(', ')}, 'all' or 'sandbox')`);
  }
  for (const [modName, open] of LIBS) {
    const name = (modName === '_G' ? 'base' : modName) as LibName;
    if (!names.includes(name)) continue;
    L.requireF(modName, open, true);
    L.pop();
  }
  if (libs !== 'sandbox') return;
  for (const [lib, fields] of Object.entries(SANDBOX_REMOVED)) {
    if (L.getGlobal(lib) === Tag.Table) {
      for (const f of fields) { L.pushNil(); L.setField(-2, f); }
    }
    L.pop();
  }
  textOnlyLoad(L);
}

/** Replaces the global `load` by one that refuses binary chunks (mode forced to 't'). */
function textOnlyLoad(L: LuaState): void {
  if (L.getGlobal('load') !== Tag.HFunc) { L.pop(); return; }
  const load = L.heap.hostFunction(L.i32[L.ptr(-1) >> 2]!) as unknown as HostFn;
  L.pop();
  const textLoad: HostFn = (L, base, nargs) => {
    if (nargs < 3) { L.settop(3); nargs = 3; }
    L.pushString('t');
    L.replace(3);
    return load(L, base, nargs);
  };
  L.pushHostFunction(textLoad, 0, 'load');
  L.setGlobal('load');
}
