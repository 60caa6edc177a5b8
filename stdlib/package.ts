// The package library (loadlib.c): require, package.path/cpath/config/loaded/preload/
// searchers/searchpath/loadlib. lunet loads no native modules, so the C searchers find files
// but fail to load them with 5.4's message for builds without dynamic libraries.
import { accessSync, constants as fsConstants } from 'node:fs';
import { Tag } from '../lang/heap/tags.js';
import type { LuaState } from '../lang/vm/state.js';
import { REGISTRYINDEX, upvalueIndex } from '../lang/vm/consts.js';
import type { HostFn } from '../lang/vm/types.js';
import { loadFile } from './base.js';

// The defaults of the reference lua5.4 (Debian's build), so messages list the same files.
const DEFAULT_PATH = '/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;' +
  '/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;' +
  '/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua';
const DEFAULT_CPATH = '/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;' +
  '/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so';
const NO_DYNAMIC = 'dynamic libraries not enabled; check your Lua installation';

function readable(path: string): boolean {
  try {
    accessSync(path, fsConstants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** searchpath: the first readable file of `path` for `name`, or the "no file" list. */
function searchPath(name: string, path: string, sep: string, dirsep: string): { file: string } | { tried: string } {
  if (sep !== '' && name.includes(sep)) name = name.split(sep).join(dirsep);
  const candidates = path.split('?').join(name).split(';');
  for (const f of candidates) {
    if (f !== '' && readable(f)) return { file: f };
  }
  return { tried: candidates.map((f) => `no file '${f}'`).join('\n\t') };
}

/** package[pname] as a string, or the 5.4 error. `pkg` is the package table's index. */
function pathField(L: LuaState, pkg: number, pname: string): string {
  L.getField(pkg, pname);
  const path = L.isString(-1) ? L.toStringX(-1) : undefined;
  L.pop(1);
  if (path === undefined) L.errorMsg(`'package.${pname}' must be a string`);
  return path;
}

const searchpath: HostFn = (L) => {
  // lua5.4 (gcc) evaluates the arguments of its searchpath call right to left
  const path = L.checkString(2);
  const name = L.checkString(1);
  const sep = L.optString(3, '.');
  const rep = L.optString(4, '/');
  const r = searchPath(name, path, sep, rep);
  if ('file' in r) { L.pushString(r.file); return 1; }
  L.pushNil();
  L.pushString(r.tried);
  return 2;
};

// lunet is a Lua without dynamic libraries: as 5.4's loadlib.c built without dlopen, every
// call fails with 'absent' (the official attrib.lua checks exactly this for such builds).
const loadlib: HostFn = (L) => {
  L.checkString(1);
  L.checkString(2);
  L.pushNil();
  L.pushString(NO_DYNAMIC);
  L.pushString('absent');
  return 3;
};

const searcherPreload: HostFn = (L) => {
  const name = L.checkString(1);
  L.getField(REGISTRYINDEX, '_PRELOAD');
  if (L.getField(-1, name) === Tag.Nil) {
    L.pushString(`no field package.preload['${name}']`);
    return 1;
  }
  L.pushString(':preload:');
  return 2;
};

function checkLoad(L: LuaState, ok: boolean, filename: string): number {
  if (ok) { L.pushString(filename); return 2; }
  return L.errorMsg(`error loading module '${L.toStringX(1)}' from file '${filename}':\n\t${L.toStringX(-1)}`);
}

const searcherLua: HostFn = (L) => {
  const name = L.checkString(1);
  const r = searchPath(name, pathField(L, upvalueIndex(1), 'path'), '.', '/');
  if ('tried' in r) { L.pushString(r.tried); return 1; }
  return checkLoad(L, loadFile(L, r.file, 'bt') === 0, r.file);
};

const searcherC: HostFn = (L) => {
  const name = L.checkString(1);
  const r = searchPath(name, pathField(L, upvalueIndex(1), 'cpath'), '.', '/');
  if ('tried' in r) { L.pushString(r.tried); return 1; }
  L.pushString(NO_DYNAMIC);
  return checkLoad(L, false, r.file);
};

const searcherCroot: HostFn = (L) => {
  const name = L.checkString(1);
  const dot = name.indexOf('.');
  if (dot < 0) return 0;
  const r = searchPath(name.slice(0, dot), pathField(L, upvalueIndex(1), 'cpath'), '.', '/');
  if ('tried' in r) { L.pushString(r.tried); return 1; }
  L.pushString(NO_DYNAMIC);
  return checkLoad(L, false, r.file);
};

/** Stack: 1 name, 2 LOADED, 3 searchers. Leaves loader and its data on top. */
function findLoader(L: LuaState, name: string): void {
  if (L.getField(upvalueIndex(1), 'searchers') !== Tag.Table) L.errorMsg("'package.searchers' must be a table");
  const msgs: string[] = [];
  for (let i = 1; ; i++) {
    if (L.rawGetI(3, i) === Tag.Nil) {
      L.pop(1);
      L.errorMsg(`module '${name}' not found:${msgs.join('')}`);
    }
    L.pushString(name);
    L.call(1, 2);
    const t = L.type(-2);
    if (t === Tag.LFunc || t === Tag.HFunc) return;
    if (L.isString(-2)) {
      msgs.push('\n\t' + L.toStringX(-2)!);
      L.pop(2);
    } else {
      L.pop(2);
    }
  }
}

const require: HostFn = (L) => {
  const name = L.checkString(1);
  L.settop(1);
  L.getField(REGISTRYINDEX, '_LOADED');
  L.getField(2, name);
  if (L.toBoolean(-1)) return 1;
  L.pop(1);
  findLoader(L, name);
  L.rotate(-2, 1);          // loader data, loader
  L.pushValue(1);
  L.pushValue(-3);
  L.call(2, 1);
  if (L.type(-1) !== Tag.Nil) L.setField(2, name);
  else L.pop(1);
  if (L.getField(2, name) === Tag.Nil) {
    L.pushBoolean(true);
    L.copyTo(-1, -2);
    L.setField(2, name);
  }
  L.rotate(-2, 1);
  return 2;
};

/** setpath: LUA_PATH_5_4, then LUA_PATH; ';;' is replaced by the default; -E ignores both. */
function setPath(L: LuaState, field: string, envName: string, dft: string): void {
  L.getField(REGISTRYINDEX, 'LUA_NOENV');
  const noEnv = L.toBoolean(-1);
  L.pop(1);
  const path = process.env[envName + '_5_4'] ?? process.env[envName];
  let value = dft;
  if (path !== undefined && !noEnv) {
    const mark = path.indexOf(';;');
    if (mark < 0) value = path;
    else {
      value = '';
      if (mark > 0) value += path.slice(0, mark) + ';';
      value += dft;
      if (mark < path.length - 2) value += ';' + path.slice(mark + 2);
    }
  }
  L.pushString(value);
  L.setField(-2, field);
}

export const openPackage: HostFn = (L) => {
  L.newLib({ loadlib, searchpath, preload: false, cpath: false, path: false, searchers: false, loaded: false });
  // searchers, each with the package table as upvalue
  L.newTable(4, 0);
  const searchers: HostFn[] = [searcherPreload, searcherLua, searcherC, searcherCroot];
  searchers.forEach((fn, i) => {
    L.pushValue(-2);
    L.pushHostFunction(fn, 1);
    L.rawSetI(-2, i + 1);
  });
  L.setField(-2, 'searchers');
  setPath(L, 'path', 'LUA_PATH', DEFAULT_PATH);
  setPath(L, 'cpath', 'LUA_CPATH', DEFAULT_CPATH);
  L.pushString('/\n;\n?\n!\n-\n');
  L.setField(-2, 'config');
  L.getSubTable(REGISTRYINDEX, '_LOADED');
  L.setField(-2, 'loaded');
  L.getSubTable(REGISTRYINDEX, '_PRELOAD');
  L.setField(-2, 'preload');
  // require is a global with the package table as its upvalue
  L.rawGetI(REGISTRYINDEX, 2); // LUA_RIDX_GLOBALS
  L.pushValue(-2);
  L.pushHostFunction(require, 1, 'require');
  L.setField(-2, 'require');
  L.pop(1);
  return 1;
};
