// Binary chunks for string.dump and load: Lua 5.4's own format (ldump.c / lundump.c layout
// for x86-64: 4-byte instructions, 8-byte integers and floats, little endian). lunet's
// bytecode is 5.4's, so a lunet dump is a regular 5.4 chunk and chunks written by
// luac5.4 / lua5.4's string.dump load into lunet.
//
//   dumpProto(P, strip): the chunk bytes of function prototype P (a byte string). strip drops
//                        the source, line information, locals and upvalue names, as 5.4 does.
//   undumpProto(bytes, chunkName): the Proto; throws BinaryChunkError with 5.4's message
//                        ("<name>: bad binary format (truncated chunk)", ...).
//
// Lines: 5.4 stores signed byte deltas plus absolute entries (lcode.c savelineinfo); lunet
// keeps one absolute line per instruction, so dump encodes with the same rule and undump
// decodes back to absolute lines (-1 everywhere when the chunk was stripped).

import type { Constant, LocVar, Proto, UpvalDesc } from './proto.js';

const SIGNATURE = '\x1bLua';
const VERSION = 0x54;
const FORMAT = 0;
const LUAC_DATA = '\x19\x93\r\n\x1a\n';
const LUAC_INT = 0x5678n;
const LUAC_NUM = 370.5;
const MAXSHORTLEN = 40;
const ABSLINEINFO = -0x80;
const LIMLINEDIFF = 0x80;
const MAXIWTHABS = 128;

// constant type tags (lobject.h variants)
const VNIL = 0x00, VFALSE = 0x01, VTRUE = 0x11, VNUMINT = 0x03, VNUMFLT = 0x13,
  VSHRSTR = 0x04, VLNGSTR = 0x14;

export class BinaryChunkError extends Error {}

const scratch = new DataView(new ArrayBuffer(8));

// ---------------------------------------------------------------------------------------
// dump

class Writer {
  parts: string[] = [];
  byte(b: number): void { this.parts.push(String.fromCharCode(b & 0xff)); }
  raw(s: string): void { this.parts.push(s); }
  /** dumpSize: 7-bit groups, most significant first, the last one marked with 0x80. */
  size(x: number): void {
    let s = String.fromCharCode((x % 128) | 0x80);
    x = Math.floor(x / 128);
    while (x !== 0) {
      s = String.fromCharCode(x % 128) + s;
      x = Math.floor(x / 128);
    }
    this.parts.push(s);
  }
  integer(v: bigint): void {
    scratch.setBigInt64(0, v, true);
    this.bytes8();
  }
  number(d: number): void {
    scratch.setFloat64(0, d, true);
    this.bytes8();
  }
  private bytes8(): void {
    let s = '';
    for (let i = 0; i < 8; i++) s += String.fromCharCode(scratch.getUint8(i));
    this.parts.push(s);
  }
  /** dumpString: size+1 then the bytes; 0 for "no string". */
  string(s: string | null): void {
    if (s === null) { this.size(0); return; }
    this.size(s.length + 1);
    this.parts.push(s);
  }
}

function dumpFunction(w: Writer, P: Proto, psource: string | null, strip: boolean): void {
  w.string(strip || P.source === psource ? null : P.source);
  w.size(P.lineDefined);
  w.size(P.lastLineDefined);
  w.byte(P.numParams);
  w.byte(P.isVararg ? 1 : 0);
  w.byte(P.maxStackSize);
  const code = P.code;
  w.size(code.length);
  const cb = new Uint8Array(code.buffer, code.byteOffset, code.length * 4);
  let cs = '';
  for (let i = 0; i < cb.length; i += 4096) cs += String.fromCharCode.apply(null, cb.subarray(i, i + 4096) as unknown as number[]);
  w.raw(cs);
  w.size(P.constants.length);
  for (const k of P.constants) {
    switch (k.kind) {
      case 'nil': w.byte(VNIL); break;
      case 'bool': w.byte(k.value ? VTRUE : VFALSE); break;
      case 'int': w.byte(VNUMINT); w.integer(k.value); break;
      case 'float': w.byte(VNUMFLT); w.number(k.value); break;
      case 'str': w.byte(k.value.length <= MAXSHORTLEN ? VSHRSTR : VLNGSTR); w.string(k.value); break;
    }
  }
  w.size(P.upvalues.length);
  for (const u of P.upvalues) { w.byte(u.inStack ? 1 : 0); w.byte(u.index); w.byte(u.kind); }
  w.size(P.protos.length);
  for (const c of P.protos) dumpFunction(w, c, P.source, strip);
  dumpDebug(w, P, strip);
}

function dumpDebug(w: Writer, P: Proto, strip: boolean): void {
  const lines = P.lineInfo;
  if (strip || lines.length === 0 || lines[0]! < 0) {
    w.size(0); w.size(0);
  } else {
    // savelineinfo's encoding: a delta byte per instruction, an absolute entry when the
    // delta does not fit or every MAXIWTHABS instructions (getbaseline relies on that)
    const rel: number[] = [];
    const abs: number[] = [];
    let prev = P.lineDefined;
    let iwthabs = 0;
    for (let pc = 0; pc < lines.length; pc++) {
      const line = lines[pc]!;
      let d = line - prev;
      if (Math.abs(d) >= LIMLINEDIFF || iwthabs++ >= MAXIWTHABS) {
        abs.push(pc, line);
        d = ABSLINEINFO;
        iwthabs = 1;
      }
      rel.push(d & 0xff);
      prev = line;
    }
    w.size(rel.length);
    w.raw(chunked(rel));
    w.size(abs.length / 2);
    for (let i = 0; i < abs.length; i += 2) { w.size(abs[i]!); w.size(abs[i + 1]!); }
  }
  if (strip) { w.size(0); w.size(0); return; }
  w.size(P.locVars.length);
  for (const v of P.locVars) { w.string(v.name); w.size(v.startPc); w.size(v.endPc); }
  w.size(P.upvalues.length);
  for (const u of P.upvalues) w.string(u.name);
}

function chunked(codes: number[]): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  return s;
}

export function dumpProto(P: Proto, strip: boolean): string {
  const w = new Writer();
  w.raw(SIGNATURE);
  w.byte(VERSION);
  w.byte(FORMAT);
  w.raw(LUAC_DATA);
  w.byte(4); w.byte(8); w.byte(8);
  w.integer(LUAC_INT);
  w.number(LUAC_NUM);
  w.byte(P.upvalues.length);
  dumpFunction(w, P, null, strip);
  return w.parts.join('');
}

// ---------------------------------------------------------------------------------------
// undump

class Reader {
  pos = 0;
  constructor(readonly s: string, readonly name: string) {}
  error(why: string): never { throw new BinaryChunkError(`${this.name}: bad binary format (${why})`); }
  byte(): number {
    if (this.pos >= this.s.length) this.error('truncated chunk');
    return this.s.charCodeAt(this.pos++);
  }
  block(n: number): string {
    if (this.pos + n > this.s.length) this.error('truncated chunk');
    const r = this.s.slice(this.pos, this.pos + n);
    this.pos += n;
    return r;
  }
  /** loadUnsigned with limit: 7-bit groups until one has 0x80 set. */
  size(limit = 2147483647): number {
    let x = 0;
    let b: number;
    do {
      b = this.byte();
      if (x >= Math.floor(limit / 128)) this.error('integer overflow');
      x = x * 128 + (b & 0x7f);
    } while ((b & 0x80) === 0);
    return x;
  }
  int(): number { return this.size(2147483647); }
  bytes8(): void {
    const b = this.block(8);
    for (let i = 0; i < 8; i++) scratch.setUint8(i, b.charCodeAt(i));
  }
  integer(): bigint { this.bytes8(); return scratch.getBigInt64(0, true); }
  number(): number { this.bytes8(); return scratch.getFloat64(0, true); }
  string(): string | null {
    const n = this.size(Number.MAX_SAFE_INTEGER);
    if (n === 0) return null;
    return this.block(n - 1);
  }
  literal(lit: string, why: string): void {
    if (this.block(lit.length) !== lit) this.error(why);
  }
}

function checkHeader(r: Reader): void {
  r.literal(SIGNATURE.slice(1), 'not a binary chunk');
  if (r.byte() !== VERSION) r.error('version mismatch');
  if (r.byte() !== FORMAT) r.error('format mismatch');
  r.literal(LUAC_DATA, 'corrupted chunk');
  if (r.byte() !== 4) r.error('Instruction size mismatch');
  if (r.byte() !== 8) r.error('lua_Integer size mismatch');
  if (r.byte() !== 8) r.error('lua_Number size mismatch');
  if (r.integer() !== LUAC_INT) r.error('integer format mismatch');
  if (r.number() !== LUAC_NUM) r.error('float format mismatch');
}

function loadFunction(r: Reader, psource: string): Proto {
  const src = r.string();
  const source = src ?? psource;
  const lineDefined = r.int();
  const lastLineDefined = r.int();
  const numParams = r.byte();
  const isVararg = r.byte() !== 0;
  const maxStackSize = r.byte();
  const ncode = r.int();
  const cb = r.block(ncode * 4);
  const code = new Int32Array(ncode);
  for (let i = 0; i < ncode; i++) {
    const j = i * 4;
    code[i] = cb.charCodeAt(j) | (cb.charCodeAt(j + 1) << 8) | (cb.charCodeAt(j + 2) << 16) | (cb.charCodeAt(j + 3) << 24);
  }
  const constants: Constant[] = [];
  const nk = r.int();
  for (let i = 0; i < nk; i++) {
    const t = r.byte();
    switch (t) {
      case VNIL: constants.push({ kind: 'nil' }); break;
      case VFALSE: constants.push({ kind: 'bool', value: false }); break;
      case VTRUE: constants.push({ kind: 'bool', value: true }); break;
      case VNUMINT: constants.push({ kind: 'int', value: r.integer() }); break;
      case VNUMFLT: constants.push({ kind: 'float', value: r.number() }); break;
      case VSHRSTR: case VLNGSTR: {
        const s = r.string();
        if (s === null) r.error('bad format for constant string');
        constants.push({ kind: 'str', value: s });
        break;
      }
      default: r.error('bad constant');
    }
  }
  const upvalues: UpvalDesc[] = [];
  const nup = r.int();
  for (let i = 0; i < nup; i++) {
    const inStack = r.byte() !== 0;
    const index = r.byte();
    const kind = r.byte();
    upvalues.push({ name: '?', inStack, index, kind });
  }
  const protos: Proto[] = [];
  const np = r.int();
  for (let i = 0; i < np; i++) protos.push(loadFunction(r, source));
  // debug information
  const nli = r.int();
  const rel = r.block(nli);
  const nabs = r.int();
  const abs: number[] = [];
  for (let i = 0; i < nabs; i++) { abs.push(r.int()); abs.push(r.int()); }
  let lineInfo: Int32Array;
  if (nli === 0) lineInfo = new Int32Array(0);
  else {
    if (nli !== ncode) r.error('bad line information');
    lineInfo = new Int32Array(ncode);
    let line = lineDefined;
    let ai = 0;
    for (let pc = 0; pc < ncode; pc++) {
      const d = (rel.charCodeAt(pc) << 24) >> 24;
      if (d === ABSLINEINFO) {
        if (ai >= abs.length || abs[ai] !== pc) r.error('bad line information');
        line = abs[ai + 1]!;
        ai += 2;
      } else line += d;
      lineInfo[pc] = line;
    }
  }
  const locVars: LocVar[] = [];
  const nloc = r.int();
  for (let i = 0; i < nloc; i++) {
    const name = r.string() ?? '?';
    const startPc = r.int();
    const endPc = r.int();
    locVars.push({ name, startPc, endPc });
  }
  const nupn = r.int();
  for (let i = 0; i < nupn && i < upvalues.length; i++) {
    const name = r.string();
    if (name !== null) upvalues[i]!.name = name;
  }
  return {
    source, lineDefined, lastLineDefined, numParams, isVararg, maxStackSize, code, lineInfo,
    constants, upvalues, protos, locVars,
  };
}

/** luaU_undump: the main Proto of a binary chunk (bytes start with "\x1b"). */
export function undumpProto(bytes: string, chunkName: string): Proto {
  const c0 = chunkName.charCodeAt(0);
  const name = c0 === 64 || c0 === 61 ? chunkName.slice(1) : c0 === 0x1b ? 'binary string' : chunkName;
  const r = new Reader(bytes, name);
  r.block(1);
  checkHeader(r);
  const nup = r.byte();
  const P = loadFunction(r, '=?');
  if (nup !== P.upvalues.length) r.error('bad upvalue count');
  return P;
}
