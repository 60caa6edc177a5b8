// The io library (liolib.c of 5.4.4): close flush input lines open output popen read tmpfile
// type write, the standard files, and file handles (userdata with metatable "FILE*", methods
// close flush lines read seek setvbuf write, __gc/__close/__tostring).
//
// A handle is a userdata whose JS value is a Handle: like liolib's LStream, it holds the
// stream (io-file.ts's LFile) and its close function; closef === null marks a closed handle.
// io.stdout/io.stderr write through the state's stdout/stderr callbacks (the same buffer as
// print), io.stdin reads through io-host.ts's stdin reader. Failures return 5.4's
// `nil, message, errno` triples (io-errno.ts).

import { openSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tag } from '../lang/heap/tags.js';
import { fmtG, fmtInt64, str2number } from '../lang/num/index.js';
import { MINSTACK, REGISTRYINDEX, upvalueIndex } from '../lang/vm/consts.js';
import type { LuaState } from '../lang/vm/state.js';
import type { HostFn } from '../lang/vm/types.js';
import { IoError, toIoError } from './io-errno.js';
import { LFile, VBuf } from './io-file.js';
import { ioHost, runShell, stdinReader } from './io-host.js';

export { setIoHost, type IoHost } from './io-host.js';
export { flushDirty as flushFiles } from './io-file.js';

const FILEHANDLE = 'FILE*';
const IO_INPUT = '_IO_input';
const IO_OUTPUT = '_IO_output';
/** LUAL_BUFFERSIZE: setvbuf's default size. Only checked: glibc ignores the size when it
 *  allocates the buffer itself, as liolib asks it to. */
const BUFFERSIZE = 16 * 8 * 8; // 16 * sizeof(void*) * sizeof(lua_Number)
/** Above this a read(n) first reserves n bytes, as C allocates its buffer. */
const RESERVE_FROM = 1 << 20;
const MAXARGLINE = 250;

type CloseFn = (L: LuaState, h: Handle) => number;

class Handle {
  /** The stream (null while a handle is being opened). */
  f: LFile | null = null;
  /** How to close it; null once closed. */
  closef: CloseFn | null;
  /** popen: the command, and for mode "r" its exit status, for mode "w" the bytes written. */
  cmd = '';
  status: { what: 'exit' | 'signal'; code: number; error: IoError | null } | null = null;
  input: string[] | null = null;
  constructor(closef: CloseFn | null) { this.closef = closef; }
}

/** The string C sees in a `const char *`: up to the first NUL. */
export function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

/** A path as the OS sees it: the bytes of the Lua string. */
export function osPath(name: string): Buffer { return Buffer.from(name, 'latin1'); }

/** luaL_fileresult for a failure: nil, "[fname: ]strerror", errno. */
export function failResult(L: LuaState, e: IoError, fname: string | null): number {
  L.pushNil();
  L.pushString(fname !== null ? `${fname}: ${e.text}` : e.text);
  L.pushInteger(e.errno);
  return 3;
}

/** luaL_execresult for a finished command. */
export function execResult(L: LuaState, r: { what: 'exit' | 'signal'; code: number; error: IoError | null }): number {
  if (r.error !== null) return failResult(L, r.error, null);
  if (r.what === 'exit' && r.code === 0) L.pushBoolean(true); else L.pushNil();
  L.pushString(r.what);
  L.pushInteger(r.code);
  return 3;
}

function tolstream(L: LuaState): Handle {
  return L.checkUdata(1, FILEHANDLE) as Handle;
}

function tofile(L: LuaState): LFile {
  const h = tolstream(L);
  if (h.closef === null) L.errorMsg('attempt to use a closed file');
  return h.f!;
}

function newprefile(L: LuaState, closef: CloseFn | null): Handle {
  const h = new Handle(closef);
  L.newUserdata(h, 0);
  L.getMetatableByName(FILEHANDLE);
  L.setMetatable(-2);
  return h;
}

function auxClose(L: LuaState): number {
  const h = tolstream(L);
  const cf = h.closef!;
  h.closef = null;
  return cf(L, h);
}

const ioFclose: CloseFn = (L, h) => {
  try {
    h.f!.close();
  } catch (e) {
    return failResult(L, toIoError(e), null);
  }
  L.pushBoolean(true);
  return 1;
};

const ioNoclose: CloseFn = (L, h) => {
  h.closef = ioNoclose;
  L.pushNil();
  L.pushString('cannot close standard file');
  return 2;
};

const ioPclose: CloseFn = (L, h) => {
  const f = h.f!;
  f.closed = true;
  if (h.input !== null) {
    const r = runShell(L, h.cmd, h.input.join(''), false, false);
    h.input = null;
    return execResult(L, r);
  }
  return execResult(L, h.status!);
};

// ---- opening --------------------------------------------------------------------------------

/** l_checkmode: [rwa]%+?b* */
function checkMode(mode: string): boolean {
  return /^[rwa]\+?b*$/.test(mode);
}

/** fopen: an LFile, or an IoError. */
function fopen(name: string, mode: string): LFile {
  const plus = mode.indexOf('+') >= 0;
  const flags = mode[0] + (plus ? '+' : '');
  const fd = openSync(osPath(name), flags, 0o666);
  return new LFile({ fd, canRead: mode[0] === 'r' || plus, canWrite: mode[0] !== 'r' || plus, append: mode[0] === 'a' });
}

function newfile(L: LuaState): Handle { return newprefile(L, ioFclose); }

function opencheck(L: LuaState, fname: string, mode: string): void {
  const h = newfile(L);
  try {
    h.f = fopen(fname, mode);
  } catch (e) {
    L.errorMsg(`cannot open file '${fname}' (${toIoError(e).text})`);
  }
}

const io_open: HostFn = (L) => {
  const filename = cstr(L.checkString(1));
  const mode = cstr(L.optString(2, 'r'));
  const h = newfile(L);
  L.argCheck(checkMode(mode), 2, 'invalid mode');
  try {
    h.f = fopen(filename, mode);
  } catch (e) {
    return failResult(L, toIoError(e), filename);
  }
  return 1;
};

const io_popen: HostFn = (L) => {
  const cmd = cstr(L.checkString(1));
  const mode = cstr(L.optString(2, 'r'));
  const h = newprefile(L, null);
  L.argCheck(mode === 'r' || mode === 'w', 2, 'invalid mode');
  h.cmd = cmd;
  if (mode === 'r') {
    const r = runShell(L, cmd, null, true, true);
    let out: string | null = r.stdout;
    h.status = r;
    h.f = new LFile({ canRead: true, canWrite: false, source: () => { const s = out ?? ''; out = null; return s; } });
  } else {
    const input: string[] = [];
    h.input = input;
    h.f = new LFile({ canRead: false, canWrite: true, sink: (s) => { input.push(s); } });
  }
  h.closef = ioPclose;
  return 1;
};

let tmpCounter = 0;

const io_tmpfile: HostFn = (L) => {
  const h = newfile(L);
  try {
    for (let tries = 0; ; tries++) {
      const name = join(tmpdir(), `lunet_${process.pid}_${Date.now().toString(36)}_${tmpCounter++}`);
      let fd: number;
      try {
        fd = openSync(name, 'wx+', 0o600);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST' && tries < 100) continue;
        throw e;
      }
      unlinkSync(name);
      h.f = new LFile({ fd, canRead: true, canWrite: true });
      break;
    }
  } catch (e) {
    return failResult(L, toIoError(e), null);
  }
  return 1;
};

// ---- default files -------------------------------------------------------------------------------

function getiofile(L: LuaState, findex: string): LFile {
  L.getField(REGISTRYINDEX, findex);
  const h = L.toUserdata(-1) as Handle;
  if (h.closef === null) L.errorMsg(`default ${findex.slice(4)} file is closed`);
  return h.f!;
}

function gIofile(L: LuaState, f: string, mode: string): number {
  if (!L.isNoneOrNil(1)) {
    const filename = L.toStringX(1);
    if (filename !== undefined) opencheck(L, cstr(filename), mode);
    else {
      tofile(L);
      L.pushValue(1);
    }
    L.setField(REGISTRYINDEX, f);
  }
  L.getField(REGISTRYINDEX, f);
  return 1;
}

const io_input: HostFn = (L) => gIofile(L, IO_INPUT, 'r');
const io_output: HostFn = (L) => gIofile(L, IO_OUTPUT, 'w');

const io_close: HostFn = (L) => {
  if (L.isNone(1)) L.getField(REGISTRYINDEX, IO_OUTPUT);
  return f_close(L, 0, 0);
};

const io_type: HostFn = (L) => {
  L.checkAny(1);
  const h = L.testUdata(1, FILEHANDLE) as Handle | undefined;
  if (h === undefined) L.pushNil();
  else L.pushString(h.closef === null ? 'closed file' : 'file');
  return 1;
};

// ---- reading -------------------------------------------------------------------------------------

const L_MAXLENNUM = 200;

function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
function isXDigit(c: number): boolean { return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70); }
function isSpace(c: number): boolean { return c === 32 || (c >= 9 && c <= 13); }

// read_number's state (module-level, so a read allocates nothing but the numeral's text)
let rnF: LFile;
let rnC = 0;
let rnN = 0;
let rnOver = false;
const rnBuf = new Uint8Array(L_MAXLENNUM);

/** nextc: keep the current char (unless the numeral is already too long) and read another. */
function rnNext(): boolean {
  if (rnN >= L_MAXLENNUM) { rnOver = true; return false; }
  rnBuf[rnN++] = rnC;
  rnC = rnF.getc();
  return true;
}
function rnTest2(a: number, b: number): boolean { return rnC === a || rnC === b ? rnNext() : false; }
function rnDigits(hex: boolean): number {
  let count = 0;
  while ((hex ? isXDigit(rnC) : isDigit(rnC)) && rnNext()) count++;
  return count;
}

/** liolib's read_number: the longest prefix that can start a numeral (at most 200 chars),
 *  then lua_stringtonumber on it. */
function readNumber(L: LuaState, f: LFile): boolean {
  const fast = scanNumberInBuffer(f);
  if (fast !== null) return pushNumeral(L, fast, fastInt);
  rnF = f;
  rnN = 0;
  rnOver = false;
  do { rnC = f.getc(); } while (isSpace(rnC));
  let count = 0;
  let hex = false;
  rnTest2(45, 43); // - +
  if (rnTest2(48, 48)) {
    if (rnTest2(120, 88)) hex = true;
    else count = 1;
  }
  count += rnDigits(hex);
  let isInt = !hex;
  if (rnTest2(46, 46)) { count += rnDigits(hex); isInt = false; }
  if (count > 0 && (hex ? rnTest2(112, 80) : rnTest2(101, 69))) {
    isInt = false;
    rnTest2(45, 43);
    rnDigits(false);
  }
  if (rnC !== -1) f.ungetc();
  if (rnOver) { L.pushNil(); return false; } // too long: the buffer was invalidated
  return pushNumeral(L, String.fromCharCode.apply(null, rnBuf.subarray(0, rnN) as unknown as number[]),
    isInt && count > 0);
}

let fastInt = false;

/** read_number's scan done on the read buffer when the numeral and the character after it
 *  are already there (the usual case): the numeral's text, or null to take the slow path. */
function scanNumberInBuffer(f: LFile): string | null {
  const s = f.rbuf;
  const end = s.length;
  let i = f.rpos;
  let c = 0;
  while (i < end && isSpace(c = s.charCodeAt(i))) i++;
  const start = i;
  if (i >= end) return null;
  if (c === 45 || c === 43) { if (++i >= end) return null; c = s.charCodeAt(i); }
  let count = 0;
  let hex = false;
  if (c === 48) {
    if (++i >= end) return null;
    c = s.charCodeAt(i);
    if (c === 120 || c === 88) {
      hex = true;
      if (++i >= end) return null;
      c = s.charCodeAt(i);
    } else count = 1;
  }
  let isInt = !hex;
  while (hex ? isXDigit(c) : isDigit(c)) { count++; if (++i >= end) return null; c = s.charCodeAt(i); }
  if (c === 46) {
    isInt = false;
    if (++i >= end) return null;
    c = s.charCodeAt(i);
    while (hex ? isXDigit(c) : isDigit(c)) { count++; if (++i >= end) return null; c = s.charCodeAt(i); }
  }
  if (count > 0 && (hex ? (c === 112 || c === 80) : (c === 101 || c === 69))) {
    isInt = false;
    if (++i >= end) return null;
    c = s.charCodeAt(i);
    if (c === 45 || c === 43) { if (++i >= end) return null; c = s.charCodeAt(i); }
    while (isDigit(c)) { if (++i >= end) return null; c = s.charCodeAt(i); }
  }
  if (i - start > L_MAXLENNUM) return null;
  f.rpos = i;
  fastInt = isInt && count > 0;
  return s.slice(start, i);
}

/** lua_stringtonumber on a scanned numeral; pushes the number or nil. */
function pushNumeral(L: LuaState, text: string, decimalInt: boolean): boolean {
  const n = text.length;
  if (decimalInt && n <= 15) {
    // a short decimal integer: no need for the general converter
    const c0 = text.charCodeAt(0);
    let v = 0;
    for (let i = c0 === 45 || c0 === 43 ? 1 : 0; i < n; i++) v = v * 10 + text.charCodeAt(i) - 48;
    L.pushInteger(c0 === 45 ? -v : v);
    return true;
  }
  const v = str2number(text);
  if (v === undefined) { L.pushNil(); return false; }
  if (typeof v === 'bigint') L.pushInteger(v); else L.pushNumber(v);
  return true;
}

function readLine(L: LuaState, f: LFile, chop: boolean): boolean {
  const s = f.readLine(chop);
  L.pushString(s ?? '');
  return s !== null;
}

/** g_read: the formats are at stack positions first.. (the top); returns the result count. */
function gRead(L: LuaState, f: LFile, first: number): number {
  let nargs = L.gettop() - 1;
  let n: number;
  let success: boolean;
  try {
    if (nargs === 0) {
      success = readLine(L, f, true);
      n = first + 1;
    } else {
      L.checkStack(nargs + MINSTACK, 'too many arguments');
      success = true;
      for (n = first; nargs-- && success; n++) {
        const t = L.type(n);
        if (t === Tag.Int || t === Tag.Float) {
          const l = L.checkInteger(n);
          if (l === 0) {
            const c = f.getc();
            if (c !== -1) f.ungetc();
            L.pushString('');
            success = c !== -1;
          } else {
            // C converts to size_t and allocates the whole buffer first
            if (l < 0 || l > RESERVE_FROM) L.heap.reserveString(l < 0 ? Number.MAX_SAFE_INTEGER : l);
            const s = f.readChars(l);
            L.pushString(s);
            success = s.length > 0;
          }
        } else {
          let p = L.checkString(n);
          if (p.charCodeAt(0) === 42) p = p.slice(1); // optional '*' (5.2 style)
          switch (p[0]) {
            case 'n': success = readNumber(L, f); break;
            case 'l': success = readLine(L, f, true); break;
            case 'L': success = readLine(L, f, false); break;
            case 'a': L.pushString(f.readAll()); success = true; break;
            default: return L.argError(n, 'invalid format');
          }
        }
      }
    }
  } catch (e) {
    if (e instanceof IoError) return failResult(L, e, null);
    const ie = isSysError(e);
    if (ie !== null) return failResult(L, ie, null);
    throw e;
  }
  if (!success) {
    L.pop(1);
    L.pushNil();
  }
  return n - first;
}

function isSysError(e: unknown): IoError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? toIoError(e) : null;
}

const io_read: HostFn = (L) => gRead(L, getiofile(L, IO_INPUT), 1);
const f_read: HostFn = (L) => gRead(L, tofile(L), 2);

/** The iterator made by lines: upvalues file, format count, close-at-end, formats. */
const io_readline: HostFn = (L) => {
  const h = L.toUserdata(upvalueIndex(1)) as Handle;
  let n = L.toIntegerX(upvalueIndex(2))!;
  if (h.closef === null) return L.errorMsg('file is already closed');
  L.settop(1);
  L.checkStack(n, 'too many arguments');
  for (let i = 1; i <= n; i++) L.pushValue(upvalueIndex(3 + i));
  n = gRead(L, h.f!, 2);
  if (L.toBoolean(-n)) return n;
  if (n > 1) return L.errorMsg(L.toStringX(-n + 1) ?? '');
  if (L.toBoolean(upvalueIndex(3))) {
    L.settop(0);
    L.pushValue(upvalueIndex(1));
    auxClose(L);
  }
  return 0;
};

function auxLines(L: LuaState, toclose: boolean): void {
  const n = L.gettop() - 1;
  L.argCheck(n <= MAXARGLINE, MAXARGLINE + 2, 'too many arguments');
  L.pushValue(1);
  L.pushInteger(n);
  L.pushBoolean(toclose);
  L.rotate(2, 3);
  L.pushHostFunction(io_readline, 3 + n);
}

const f_lines: HostFn = (L) => {
  tofile(L);
  auxLines(L, false);
  return 1;
};

const io_lines: HostFn = (L) => {
  let toclose: boolean;
  if (L.isNone(1)) L.pushNil();
  if (L.type(1) === Tag.Nil) {
    L.getField(REGISTRYINDEX, IO_INPUT);
    L.replace(1);
    tofile(L);
    toclose = false;
  } else {
    const filename = cstr(L.checkString(1));
    opencheck(L, filename, 'r');
    L.replace(1);
    toclose = true;
  }
  auxLines(L, toclose);
  if (toclose) {
    L.pushNil();
    L.pushNil();
    L.pushValue(1);
    return 4;
  }
  return 1;
};

// ---- writing -------------------------------------------------------------------------------------

/** g_write: the values at arg.. below the top (the file, which is the result); returns the
 *  result count (1, or a failure triple). */
function gWrite(L: LuaState, f: LFile, arg: number): number {
  const top = L.gettop() - 1;
  const i32 = L.i32;
  let out = '';
  try {
    for (; arg <= top; arg++) {
      const p = L.ptr(arg);
      const t = L.tagAt(p);
      let s: string;
      if (t === Tag.Str) s = L.heap.str(i32[p >> 2]!);
      else if (t === Tag.Int) s = fmtInt64(i32[p >> 2]!, i32[(p >> 2) + 1]!);
      else if (t === Tag.Float) {
        const d = L.f64[p >> 3]!;
        s = d !== d ? ((i32[(p >> 2) + 1]! & 0x80000000) !== 0 ? '-nan' : 'nan') : fmtG(d, 14);
      } else {
        if (out.length > 0) f.write(out);
        out = '';
        s = L.checkString(arg);
      }
      // the host sink gets one string per call; files buffer anyway
      if (f.sink !== null) out += s; else f.write(s);
    }
    if (out.length > 0) {
      f.write(out);
      if (f.vbuf !== VBuf.Full && (f.vbuf === VBuf.No || out.indexOf('\n') >= 0)) ioHost(L).flushStdout?.();
    }
  } catch (e) {
    if (e instanceof IoError) return failResult(L, e, null);
    const ie = isSysError(e);
    if (ie !== null) return failResult(L, ie, null);
    throw e;
  }
  return 1;
}

const io_write: HostFn = (L) => gWrite(L, getiofile(L, IO_OUTPUT), 1);

const f_write: HostFn = (L) => {
  const f = tofile(L);
  L.pushValue(1);
  return gWrite(L, f, 2);
};

// ---- the rest --------------------------------------------------------------------------------------

function flushFile(L: LuaState, f: LFile): number {
  try {
    if (f.sink !== null) ioHost(L).flushStdout?.();
    else if (f.canWrite || f.wlen > 0) f.flush();
  } catch (e) {
    return failResult(L, toIoError(e), null);
  }
  L.pushBoolean(true);
  return 1;
}

const io_flush: HostFn = (L) => flushFile(L, getiofile(L, IO_OUTPUT));
const f_flush: HostFn = (L) => flushFile(L, tofile(L));

const f_seek: HostFn = (L) => {
  const f = tofile(L);
  const op = L.checkOption(2, 'cur', ['set', 'cur', 'end']);
  const offset = L.optInteger(3, 0);
  try {
    L.pushInteger(f.seek(op, offset));
  } catch (e) {
    return failResult(L, toIoError(e), null);
  }
  return 1;
};

const f_setvbuf: HostFn = (L) => {
  const f = tofile(L);
  const op = L.checkOption(2, undefined, ['no', 'full', 'line']);
  L.optInteger(3, BUFFERSIZE);
  try {
    if (f.sink === null) f.setBuffering(op === 0 ? VBuf.No : op === 1 ? VBuf.Full : VBuf.Line);
    else f.vbuf = op === 0 ? VBuf.No : op === 1 ? VBuf.Full : VBuf.Line;
  } catch (e) {
    return failResult(L, toIoError(e), null);
  }
  L.pushBoolean(true);
  return 1;
};

function f_close(L: LuaState, _b: number, _n: number): number {
  tofile(L);
  return auxClose(L);
}

const f_gc: HostFn = (L) => {
  const h = tolstream(L);
  if (h.closef !== null && h.f !== null) auxClose(L);
  return 0;
};

const f_tostring: HostFn = (L) => {
  const h = tolstream(L);
  if (h.closef === null) L.pushString('file (closed)');
  else L.pushString('file (0x' + (0x55d4c3a00000 + (h.f?.id ?? 0) * 0x1e0).toString(16) + ')');
  return 1;
};

function createStdFile(L: LuaState, f: LFile, k: string | null, fname: string): void {
  const h = newprefile(L, ioNoclose);
  h.f = f;
  if (k !== null) {
    L.pushValue(-1);
    L.setField(REGISTRYINDEX, k);
  }
  L.setField(-2, fname);
}

export function openIo(L: LuaState): number {
  L.newLib({
    close: io_close, flush: io_flush, input: io_input, lines: io_lines, open: io_open,
    output: io_output, popen: io_popen, read: io_read, tmpfile: io_tmpfile, type: io_type,
    write: io_write,
  });
  L.newMetatable(FILEHANDLE);
  L.setFuncs({ __index: false, __gc: f_gc, __close: f_gc, __tostring: f_tostring });
  L.newLib({
    read: f_read, write: f_write, lines: f_lines, flush: f_flush, seek: f_seek,
    close: f_close, setvbuf: f_setvbuf,
  });
  L.setField(-2, '__index');
  L.pop(1);
  createStdFile(L, new LFile({ canRead: true, canWrite: false, source: stdinReader(L) }), IO_INPUT, 'stdin');
  createStdFile(L, new LFile({ canRead: false, canWrite: true, sink: (s) => L.stdout(s) }), IO_OUTPUT, 'stdout');
  createStdFile(L, new LFile({ canRead: false, canWrite: true, sink: (s) => L.stderr(s) }), null, 'stderr');
  return 1;
}
