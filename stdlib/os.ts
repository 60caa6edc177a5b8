// The os library (loslib.c of 5.4.4): clock date difftime execute exit getenv remove rename
// setlocale time tmpname. Dates and times are computed by stdlib/pure/strftime.ts; commands
// run through /bin/sh (io-host.ts); os.exit ends the run by throwing LuaExit (stdlib/exit.ts),
// which the CLI turns into the exit status, so an in-process run never kills its host.

import { closeSync, existsSync, openSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { LuaRuntimeError } from '../lang/heap/errors.js';
import { Tag } from '../lang/heap/tags.js';
import { LuaThrow, type LuaState } from '../lang/vm/state.js';
import type { HostFn } from '../lang/vm/types.js';
import { LuaExit } from './exit.js';
import { toIoError } from './io-errno.js';
import { flushDirty } from './io-file.js';
import { runShell } from './io-host.js';
import { cstr, execResult, failResult, osPath } from './io.js';
import { ArgError, type LuaArg } from './pure/args.js';
import { osDate, osTime, type DateInput, type DateTm } from './pure/strftime.js';

export { LuaExit } from './exit.js';

/** An error of a pure core, raised as loslib raises it. */
function rethrow(L: LuaState, e: unknown): never {
  if (e instanceof ArgError) return L.argError(e.arg, e.extra);
  if (e instanceof LuaRuntimeError) return L.errorMsg(e.message);
  throw e;
}

function now(): bigint { return BigInt(Math.floor(Date.now() / 1000)); }

/** L.base after a call into Lua from a host function: LuaState.callValue does not restore it
 *  yet (a Lua function that itself calls a host function leaves it moved), so the field
 *  accesses below, which may run __index/__newindex, put it back. */
function keepBase<T>(L: LuaState, f: () => T): T {
  const base = L.base;
  const r = f();
  L.base = base;
  return r;
}

/** setallfields: the fields of a broken-down time into the table on top. */
function setAllFields(L: LuaState, tm: DateTm): void {
  const f = (k: string, v: number): void => { L.pushInteger(v); keepBase(L, () => L.setField(-2, k)); };
  f('year', tm.year);
  f('month', tm.month);
  f('day', tm.day);
  f('hour', tm.hour);
  f('min', tm.min);
  f('sec', tm.sec);
  f('yday', tm.yday);
  f('wday', tm.wday);
  L.pushBoolean(tm.isdst);
  keepBase(L, () => L.setField(-2, 'isdst'));
}

const os_date: HostFn = (L) => {
  const fmt = L.optString(1, '%c');
  const t = L.isNoneOrNil(2) ? now() : L.checkInt64(2);
  let r: string | DateTm;
  try {
    r = osDate(fmt, t);
  } catch (e) {
    return rethrow(L, e);
  }
  if (typeof r === 'string') {
    L.pushString(r);
  } else {
    L.newTable(0, 9);
    setAllFields(L, r);
  }
  return 1;
};

/** The value on top as a pure-core argument. */
function argOnTop(L: LuaState): LuaArg {
  switch (L.type(-1)) {
    case Tag.Nil: return null;
    case Tag.False: return false;
    case Tag.True: return true;
    case Tag.Int: return L.toInt64X(-1)!;
    case Tag.Float: return L.toNumberX(-1)!;
    case Tag.Str: return L.toStringX(-1)!;
    default: return { typeName: L.typeNameAt(-1) };
  }
}

const DATE_FIELDS = ['year', 'month', 'day', 'hour', 'min', 'sec', 'isdst'] as const;

const os_time: HostFn = (L) => {
  if (L.isNoneOrNil(1)) {
    L.pushInteger(now());
    return 1;
  }
  L.checkType(1, Tag.Table);
  L.settop(1);
  const input: DateInput = {};
  for (const k of DATE_FIELDS) {
    keepBase(L, () => L.getField(1, k));
    input[k] = argOnTop(L);
    L.pop(1);
  }
  let r: { time: bigint; tm: DateTm };
  try {
    r = osTime(input);
  } catch (e) {
    return rethrow(L, e);
  }
  setAllFields(L, r.tm);
  L.pushInteger(r.time);
  return 1;
};

const os_difftime: HostFn = (L) => {
  const t1 = L.checkInt64(1);
  const t2 = L.checkInt64(2);
  L.pushNumber(Number(t1 - t2));
  return 1;
};

const os_clock: HostFn = (L) => {
  const u = process.cpuUsage();
  L.pushNumber((u.user + u.system) / 1e6);
  return 1;
};

const os_getenv: HostFn = (L) => {
  const name = Buffer.from(cstr(L.checkString(1)), 'latin1').toString('utf8');
  const v = process.env[name];
  if (v === undefined) L.pushNil();
  else L.pushString(Buffer.from(v, 'utf8').toString('latin1'));
  return 1;
};

const os_execute: HostFn = (L) => {
  const arg = L.optString(1, undefined);
  const cmd = arg === undefined ? undefined : cstr(arg);
  if (cmd === undefined) {
    L.pushBoolean(existsSync('/bin/sh'));
    return 1;
  }
  return execResult(L, runShell(L, cmd, null, false, false));
};

const os_remove: HostFn = (L) => {
  const filename = cstr(L.checkString(1));
  const p = osPath(filename);
  try {
    try {
      unlinkSync(p);
    } catch (e) {
      // C's remove() also removes (empty) directories
      if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw e;
      rmdirSync(p);
    }
  } catch (e) {
    return failResult(L, toIoError(e), filename);
  }
  L.pushBoolean(true);
  return 1;
};

const os_rename: HostFn = (L) => {
  const from = cstr(L.checkString(1));
  const to = cstr(L.checkString(2));
  try {
    renameSync(osPath(from), osPath(to));
  } catch (e) {
    return failResult(L, toIoError(e), null);
  }
  L.pushBoolean(true);
  return 1;
};

const TMPCHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const os_tmpname: HostFn = (L) => {
  // mkstemp("/tmp/lua_XXXXXX"): the file is created (empty) and closed
  for (let tries = 0; tries < 100; tries++) {
    let name = '/tmp/lua_';
    for (let i = 0; i < 6; i++) name += TMPCHARS[Math.floor(Math.random() * TMPCHARS.length)];
    try {
      closeSync(openSync(name, 'wx', 0o600));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      break;
    }
    L.pushString(name);
    return 1;
  }
  return L.errorMsg('unable to generate a unique filename');
};

// ---- setlocale: only the C locale (and its UTF-8 variant, which formats numbers alike) ----

const CATNAMES = ['all', 'collate', 'ctype', 'monetary', 'numeric', 'time'];
/** glibc's categories in the order of its composite LC_ALL names. */
const GLIBC_CATS = ['LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES',
  'LC_PAPER', 'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE', 'LC_MEASUREMENT', 'LC_IDENTIFICATION'];
const LUA_CAT = [-1, 3, 0, 4, 1, 2]; // Lua category -> index in GLIBC_CATS (-1 = all)

const locales = new WeakMap<LuaState, string[]>();

/** The name setlocale would accept `name` as for category `cat`, or null. */
function resolveLocale(name: string, cat: string): string | null {
  if (name === '') {
    const env = process.env;
    name = env.LC_ALL || env[cat] || env.LANG || 'C';
  }
  if (name === 'C' || name === 'POSIX') return 'C';
  if (name === 'C.UTF-8' || name === 'C.utf8') return name;
  return null;
}

const os_setlocale: HostFn = (L) => {
  const l = L.optString(1, undefined);
  const op = L.checkOption(2, 'all', CATNAMES);
  let cur = locales.get(L);
  if (cur === undefined) { cur = GLIBC_CATS.map(() => 'C'); locales.set(L, cur); }
  const idx = LUA_CAT[op]!;
  if (l !== undefined) {
    const cats = idx < 0 ? GLIBC_CATS.map((_, i) => i) : [idx];
    const names = cats.map((i) => resolveLocale(l, GLIBC_CATS[i]!));
    if (names.some((n) => n === null)) {
      L.pushNil();
      return 1;
    }
    cats.forEach((i, j) => { cur![i] = names[j]!; });
  }
  if (idx >= 0) L.pushString(cur[idx]!);
  else if (cur.every((n) => n === cur![0])) L.pushString(cur[0]!);
  else L.pushString(GLIBC_CATS.map((c, i) => `${c}=${cur![i]}`).join(';'));
  return 1;
};

// ---- exit ----------------------------------------------------------------------------------------

/** lua_close from inside a running script: pending to-be-closed variables of the main thread
 *  (errors in them are passed on to the next and then dropped), then every finalizer. */
function closeState(L: LuaState): void {
  // only the main thread is closed (a coroutine calling os.exit is abandoned where it is)
  if (L.td !== L.mainTd) L.switchTo(L.mainTd.ref);
  {
    let errp = 0;
    for (;;) {
      try {
        L.closeTbc(1, errp, errp !== 0);
        break;
      } catch (e) {
        if (!(e instanceof LuaThrow)) throw e;
        L.pushThrown(e);
        errp = L.ptr(-1);
      }
    }
  }
  L.heap.close();
}

const os_exit: HostFn = (L) => {
  let status: number;
  const t = L.type(1);
  if (t === Tag.True || t === Tag.False) status = t === Tag.True ? 0 : 1;
  else status = L.isNoneOrNil(1) ? 0 : Number(L.checkInt64(1) & 0xffn);
  const close = L.toBoolean(2);
  // exit() flushes every stream; the host flushes the state's stdout when it catches this
  flushDirty();
  if (close) closeState(L);
  throw new LuaExit(status & 0xff, close);
};

export function openOs(L: LuaState): number {
  L.newLib({
    clock: os_clock, date: os_date, difftime: os_difftime, execute: os_execute, exit: os_exit,
    getenv: os_getenv, remove: os_remove, rename: os_rename, setlocale: os_setlocale,
    time: os_time, tmpname: os_tmpname,
  });
  return 1;
}
