// string.pack / string.unpack / string.packsize (lstrlib.c semantics, x86-64 sizes: short 2,
// int 4, long 8, size_t 8, lua_Integer 8, native alignment 8, little endian).
//
//   pack(fmt, args): string            args[i] is Lua argument #(i+2) (see ./args.ts LuaArg)
//   packsize(fmt): number
//   unpack(fmt, data, init = 1): (bigint | number | string)[]
//       the unpacked values (integers as bigint, floats as number, strings) followed by the
//       next position as a bigint, exactly the values string.unpack returns.
//
// Errors: ArgError (fname 'pack' / 'unpack' / 'packsize') for the argument errors of 5.4
// ("integer overflow", "data string too short", "invalid next option for option 'X'", ...)
// and LuaRuntimeError for luaL_error ones ("invalid format option 'y'", "integral size (17)
// out of limits [1,16]", "9-byte integer does not fit into Lua Integer", ...).
// Known gap: a NaN is packed with JS's canonical bits (7ff8...), where x86-64 Lua writes the
// sign bit of 0/0.

import { LuaRuntimeError } from '../../lang/heap/errors.js';
import { ArgError, type LuaArg, checkInteger, checkNumber, checkString } from './args.js';

const MAXINTSIZE = 16;
const SZINT = 8;
const NATIVE_ALIGN = 8;
const MAXSIZE = 2147483647; // INT_MAX, lstrlib's MAXSIZE on 64-bit
const MAXNUM_BEFORE_DIGIT = Math.floor((MAXSIZE - 9) / 10); // getnum stops reading digits above it

const enum K { Int, Uint, Float, Number, Double, Char, String, Zstr, Padding, Paddalign, Nop }

/** Cursor over a format string plus the header state (endianness, max alignment). */
class FmtState {
  pos = 0;
  little = true;
  maxAlign = 1;
  size = 0;      // size of the last option read
  ntoalign = 0;  // padding before it
  constructor(readonly fmt: string, readonly fname: string) {}

  more(): boolean { return this.pos < this.fmt.length; }

  private getNum(df: number): number {
    const f = this.fmt;
    let c = f.charCodeAt(this.pos);
    if (!(c >= 48 && c <= 57)) return df;
    let a = 0;
    do {
      a = a * 10 + (c - 48);
      this.pos++;
      c = f.charCodeAt(this.pos);
    } while (c >= 48 && c <= 57 && a <= MAXNUM_BEFORE_DIGIT);
    return a;
  }

  private getNumLimit(df: number): number {
    const sz = this.getNum(df);
    if (sz > MAXINTSIZE || sz <= 0) {
      throw new LuaRuntimeError(`integral size (${sz}) out of limits [1,${MAXINTSIZE}]`);
    }
    return sz;
  }

  /** getoption: classify the next option, set this.size. */
  private getOption(): K {
    const opt = this.fmt[this.pos++]!;
    this.size = 0;
    switch (opt) {
      case 'b': this.size = 1; return K.Int;
      case 'B': this.size = 1; return K.Uint;
      case 'h': this.size = 2; return K.Int;
      case 'H': this.size = 2; return K.Uint;
      case 'l': case 'j': this.size = 8; return K.Int;
      case 'L': case 'J': case 'T': this.size = 8; return K.Uint;
      case 'f': this.size = 4; return K.Float;
      case 'n': this.size = 8; return K.Number;
      case 'd': this.size = 8; return K.Double;
      case 'i': this.size = this.getNumLimit(4); return K.Int;
      case 'I': this.size = this.getNumLimit(4); return K.Uint;
      case 's': this.size = this.getNumLimit(8); return K.String;
      case 'c':
        this.size = this.getNum(-1);
        if (this.size === -1) throw new LuaRuntimeError("missing size for format option 'c'");
        return K.Char;
      case 'z': return K.Zstr;
      case 'x': this.size = 1; return K.Padding;
      case 'X': return K.Paddalign;
      case ' ': break;
      case '<': case '=': this.little = true; break;
      case '>': this.little = false; break;
      case '!': this.maxAlign = this.getNumLimit(NATIVE_ALIGN); break;
      default: throw new LuaRuntimeError(`invalid format option '${opt}'`);
    }
    return K.Nop;
  }

  /** getdetails: next option with its size and the padding needed at offset total. */
  next(total: number): K {
    const opt = this.getOption();
    const size = this.size;
    let align = size;
    if (opt === K.Paddalign) {
      if (this.pos >= this.fmt.length || this.getOption() === K.Char || (align = this.size) === 0) {
        throw new ArgError(1, "invalid next option for option 'X'", this.fname);
      }
      this.size = size;
    }
    if (align <= 1 || opt === K.Char) this.ntoalign = 0;
    else {
      if (align > this.maxAlign) align = this.maxAlign;
      if ((align & (align - 1)) !== 0) {
        throw new ArgError(1, 'format asks for alignment not power of 2', this.fname);
      }
      this.ntoalign = (align - (total & (align - 1))) & (align - 1);
    }
    return opt;
  }
}

/** Bytes of n (taken modulo 2^(8*size), sign-extended past 8 bytes when neg). */
function intBytes(n: bigint, size: number, little: boolean, neg: boolean): string {
  if (size <= 4) {
    // the value was range-checked (or is taken modulo 2^(8*size)): 32 bits are enough
    const v = Number(BigInt.asUintN(32, n));
    const b0 = v & 0xff, b1 = (v >>> 8) & 0xff, b2 = (v >>> 16) & 0xff, b3 = v >>> 24;
    switch (size) {
      case 1: return String.fromCharCode(b0);
      case 2: return little ? String.fromCharCode(b0, b1) : String.fromCharCode(b1, b0);
      case 3: return little ? String.fromCharCode(b0, b1, b2) : String.fromCharCode(b2, b1, b0);
      default: return little ? String.fromCharCode(b0, b1, b2, b3) : String.fromCharCode(b3, b2, b1, b0);
    }
  }
  let u = BigInt.asUintN(64, n);
  const bytes = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    const b = i < SZINT ? Number(u & 0xffn) : (neg ? 0xff : 0);
    if (i < SZINT) u >>= 8n;
    bytes[little ? i : size - 1 - i] = b;
  }
  return String.fromCharCode(...bytes);
}

const DV = new DataView(new ArrayBuffer(8));

const DB = new Uint8Array(DV.buffer);

function floatBytes(d: number, size: 4 | 8, little: boolean): string {
  if (size === 4) {
    DV.setFloat32(0, d, little);
    return String.fromCharCode(DB[0]!, DB[1]!, DB[2]!, DB[3]!);
  }
  DV.setFloat64(0, d, little);
  return String.fromCharCode(DB[0]!, DB[1]!, DB[2]!, DB[3]!, DB[4]!, DB[5]!, DB[6]!, DB[7]!);
}

/** string.pack(fmt, ...args) */
export function pack(fmt: string, args: readonly LuaArg[]): string {
  // (5.4 pushes a nil just above the arguments, so a missing one reads as nil, not "no value":
  // the checks below pass noneIsNil)
  const h = new FmtState(fmt, 'pack');
  const out: string[] = [];
  let total = 0;
  let arg = -1; // index into args
  while (h.more()) {
    const opt = h.next(total);
    const size = h.size;
    const ntoalign = h.ntoalign;
    total += ntoalign + size;
    if (ntoalign > 0) out.push('\0'.repeat(ntoalign));
    arg++;
    switch (opt) {
      case K.Int: {
        const n = checkInteger(args, arg, 2, 'pack', true);
        if (size < SZINT) {
          const lim = 1n << BigInt(size * 8 - 1);
          if (!(-lim <= n && n < lim)) throw new ArgError(arg + 2, 'integer overflow', 'pack');
        }
        out.push(intBytes(n, size, h.little, n < 0n));
        break;
      }
      case K.Uint: {
        const n = checkInteger(args, arg, 2, 'pack', true);
        if (size < SZINT && BigInt.asUintN(64, n) >= 1n << BigInt(size * 8)) {
          throw new ArgError(arg + 2, 'unsigned overflow', 'pack');
        }
        out.push(intBytes(n, size, h.little, false));
        break;
      }
      case K.Float:
        out.push(floatBytes(checkNumber(args, arg, 2, 'pack', true), 4, h.little));
        break;
      case K.Number: case K.Double:
        out.push(floatBytes(checkNumber(args, arg, 2, 'pack', true), 8, h.little));
        break;
      case K.Char: {
        const s = checkString(args, arg, 2, 'pack', true);
        if (s.length > size) throw new ArgError(arg + 2, 'string longer than given size', 'pack');
        out.push(s);
        if (s.length < size) out.push('\0'.repeat(size - s.length));
        break;
      }
      case K.String: {
        const s = checkString(args, arg, 2, 'pack', true);
        if (size < 8 && s.length >= 2 ** (size * 8)) {
          throw new ArgError(arg + 2, 'string length does not fit in given size', 'pack');
        }
        out.push(intBytes(BigInt(s.length), size, h.little, false));
        out.push(s);
        total += s.length;
        break;
      }
      case K.Zstr: {
        const s = checkString(args, arg, 2, 'pack', true);
        if (s.indexOf('\0') >= 0) throw new ArgError(arg + 2, 'string contains zeros', 'pack');
        out.push(s, '\0');
        total += s.length + 1;
        break;
      }
      case K.Padding:
        out.push('\0');
        arg--;
        break;
      default:
        arg--;
    }
  }
  return out.join('');
}

/** string.packsize(fmt) */
export function packsize(fmt: string): number {
  const h = new FmtState(fmt, 'packsize');
  let total = 0;
  while (h.more()) {
    const opt = h.next(total);
    if (opt === K.String || opt === K.Zstr) throw new ArgError(1, 'variable-length format', 'packsize');
    const size = h.size + h.ntoalign;
    if (!(total <= MAXSIZE - size)) throw new ArgError(1, 'format result too large', 'packsize');
    total += size;
  }
  return total;
}

function readInt(data: string, pos: number, little: boolean, size: number, signed: boolean): bigint {
  const limit = size <= SZINT ? size : SZINT;
  let res = 0n;
  for (let i = limit - 1; i >= 0; i--) {
    res = (res << 8n) | BigInt(data.charCodeAt(pos + (little ? i : size - 1 - i)));
  }
  if (size < SZINT) {
    if (signed) return BigInt.asIntN(size * 8, res);
    return res;
  }
  if (size > SZINT) {
    const mask = !signed || BigInt.asIntN(64, res) >= 0n ? 0 : 0xff;
    for (let i = limit; i < size; i++) {
      if (data.charCodeAt(pos + (little ? i : size - 1 - i)) !== mask) {
        throw new LuaRuntimeError(`${size}-byte integer does not fit into Lua Integer`);
      }
    }
  }
  return BigInt.asIntN(64, res);
}

function readFloat(data: string, pos: number, size: 4 | 8, little: boolean): number {
  for (let i = 0; i < size; i++) DV.setUint8(i, data.charCodeAt(pos + i));
  return size === 4 ? DV.getFloat32(0, little) : DV.getFloat64(0, little);
}

/** string.unpack(fmt, data, init): values then the next position. */
export function unpack(fmt: string, data: string, init = 1): (bigint | number | string)[] {
  const ld = data.length;
  let pos = init > 0 ? init - 1 : init === 0 || init < -ld ? 0 : ld + init;
  if (pos > ld) throw new ArgError(3, 'initial position out of string', 'unpack');
  const h = new FmtState(fmt, 'unpack');
  const out: (bigint | number | string)[] = [];
  while (h.more()) {
    const opt = h.next(pos);
    const size = h.size;
    if (h.ntoalign + size > ld - pos) throw new ArgError(2, 'data string too short', 'unpack');
    pos += h.ntoalign;
    switch (opt) {
      case K.Int: case K.Uint:
        out.push(readInt(data, pos, h.little, size, opt === K.Int));
        break;
      case K.Float:
        out.push(readFloat(data, pos, 4, h.little));
        break;
      case K.Number: case K.Double:
        out.push(readFloat(data, pos, 8, h.little));
        break;
      case K.Char:
        out.push(data.slice(pos, pos + size));
        break;
      case K.String: {
        const len = BigInt.asUintN(64, readInt(data, pos, h.little, size, false));
        if (len > BigInt(ld - pos - size)) throw new ArgError(2, 'data string too short', 'unpack');
        const l = Number(len);
        out.push(data.slice(pos + size, pos + size + l));
        pos += l;
        break;
      }
      case K.Zstr: {
        let end = data.indexOf('\0', pos);
        if (end < 0) end = ld;
        if (!(end < ld)) throw new ArgError(2, "unfinished string for format 'z'", 'unpack');
        out.push(data.slice(pos, end));
        pos = end + 1;
        break;
      }
      default:
        break;
    }
    pos += size;
  }
  out.push(BigInt(pos + 1));
  return out;
}
