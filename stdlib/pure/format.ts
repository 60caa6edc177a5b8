// string.format's core (lstrlib.c str_format over glibc printf, C locale), on byte strings.
//
//   format(fmt, args, tostr?) : string
//     args[i] is Lua argument #(i+2) (the format string is #1):
//       bigint  a Lua integer (int64)      number  a Lua float
//       string  a Lua string               boolean / null  Lua booleans / nil
//       { typeName }  any other value; typeName is what luaL_typename (or __name) would print
//     A missing argument is args.length <= i ("no value").
//     tostr(i) is called for '%s' with the argument's index in args: it must return what
//     luaL_tolstring gives (honouring __tostring / __name). Without it, strings, numbers,
//     booleans and nil are converted as 5.4 does without metatables.
//     ptr(i) is called for '%p' and returns the address text, or null for values without one
//     (nil, booleans and numbers print "(null)" in 5.4.4).
//     ints: bit i set means args[i] (i < 31) is a Lua integer given as a JS number (a safe
//     integer): the caller then needs no BigInt per integer argument.
//
// Errors: FormatArgError (a LuaRuntimeError) for argument problems, with `arg` (the Lua
// argument number) and `extra` (the text in parentheses) so the caller can build
// "bad argument #2 to 'format' (number has no integer representation)" with its own function
// name; plain LuaRuntimeError for format-string problems ("invalid conversion '%y' to
// 'format'", "invalid conversion specification: '%100d'", "invalid format (too long)",
// "specifier '%q' cannot have modifiers").
//
// Exactness: every float conversion rounds half-to-even on the exact binary value, as glibc
// does; NaN prints as "-nan" (x86-64's default NaN, see lang/num).

import { LuaRuntimeError } from '../../lang/heap/errors.js';
import { fmtG, fmtFloat } from '../../lang/num/index.js';
import { ArgError, type LuaArg, type LuaOpaque, checkInteger as checkIntegerArg,
  checkNumber as checkNumberArg } from './args.js';
import { sigDigits, fixedDigits } from '../../lang/num/digits.js';

export type FormatOpaque = LuaOpaque;
export type FormatArg = LuaArg;
/** Argument errors of format: an ArgError with fname 'format'. */
export { ArgError as FormatArgError };

const MAX_FORMAT = 32;

// flag bits
const F_MINUS = 1, F_PLUS = 2, F_SPACE = 4, F_HASH = 8, F_ZERO = 16;

function checkInteger(args: readonly FormatArg[], i: number): bigint {
  return checkIntegerArg(args, i, 2, 'format');
}

function checkNumber(args: readonly FormatArg[], i: number): number {
  return checkNumberArg(args, i, 2, 'format');
}

function defaultToString(v: FormatArg): string {
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'string': return v;
    case 'bigint': return v.toString();
    case 'number': return fmtFloat(v);
    case 'boolean': return v ? 'true' : 'false';
    default: throw new LuaRuntimeError(`format: no tostring for a ${v.typeName}`);
  }
}

function isFlagOrDigit(c: number): boolean {
  // "-+#0 " "123456789" "."
  return c === 45 || c === 43 || c === 35 || c === 32 || c === 46 || (c >= 48 && c <= 57);
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The flag bit of a flag character, else 0. */
function flagBit(c: number): number {
  switch (c) {
    case 45: return F_MINUS; // '-'
    case 43: return F_PLUS; // '+'
    case 32: return F_SPACE; // ' '
    case 35: return F_HASH; // '#'
    case 48: return F_ZERO; // '0'
  }
  return 0;
}

/** Parsed conversion specification. */
interface Spec { flags: number; width: number; prec: number }

/** checkformat on the specification fmt[start..ci] (ci = index of the conversion character):
 *  validate it against the allowed flags and parse it into out. */
function checkFormat(fmt: string, start: number, ci: number, allowed: number, precision: boolean,
  out: Spec): void {
  out.flags = 0; out.width = 0; out.prec = -1;
  if (ci === start) return; // no modifiers
  let i = start;
  let flags = 0;
  while (i < ci) {
    const f = flagBit(fmt.charCodeAt(i));
    if ((allowed & f) === 0) break;
    flags |= f;
    i++;
  }
  let width = 0;
  let prec = -1;
  if (fmt.charCodeAt(i) !== 48) {
    if (isDigit(fmt.charCodeAt(i))) {
      width = fmt.charCodeAt(i++) - 48;
      if (isDigit(fmt.charCodeAt(i))) width = width * 10 + fmt.charCodeAt(i++) - 48;
    }
    if (fmt.charCodeAt(i) === 46 && precision) {
      i++;
      prec = 0;
      if (isDigit(fmt.charCodeAt(i))) {
        prec = fmt.charCodeAt(i++) - 48;
        if (isDigit(fmt.charCodeAt(i))) prec = prec * 10 + fmt.charCodeAt(i++) - 48;
      }
    }
  }
  if (i !== ci || !isAlpha(fmt.charCodeAt(i))) {
    throw new LuaRuntimeError(`invalid conversion specification: '${cstr('%' + fmt.slice(start, ci + 1))}'`);
  }
  out.flags = flags; out.width = width; out.prec = prec;
}

/** A C string stops at the first NUL. */
function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

function pad(body: string, width: number, left: boolean): string {
  if (body.length >= width) return body;
  const fill = ' '.repeat(width - body.length);
  return left ? body + fill : fill + body;
}

/** Lay out sign/prefix + digits in the field, with zero padding when allowed. */
function layout(sign: string, digits: string, sp: Spec, zeroOk: boolean): string {
  const len = sign.length + digits.length;
  if (len >= sp.width) return sign + digits;
  if (sp.flags & F_MINUS) return sign + digits + ' '.repeat(sp.width - len);
  if ((sp.flags & F_ZERO) && zeroOk) return sign + '0'.repeat(sp.width - len) + digits;
  return ' '.repeat(sp.width - len) + sign + digits;
}

/** An integer conversion; v is an int64 as a bigint, or a safe integer as a number (which
 *  must not be negative for the unsigned conversions u o x X). */
function fmtInteger(v: bigint | number, conv: number, sp: Spec): string {
  let sign = '';
  let mag: bigint | number;
  let digits: string;
  if (conv === 100 || conv === 105) { // d i
    if (v < 0) { sign = '-'; mag = -v; } else {
      mag = v;
      if (sp.flags & F_PLUS) sign = '+'; else if (sp.flags & F_SPACE) sign = ' ';
    }
    digits = mag.toString();
  } else {
    mag = typeof v === 'number' ? v : BigInt.asUintN(64, v);
    if (conv === 117) digits = mag.toString(); // u
    else if (conv === 111) digits = mag.toString(8); // o
    else {
      digits = mag.toString(16);
      if (conv === 88) digits = digits.toUpperCase();
    }
  }
  if (sp.prec >= 0) {
    if (sp.prec === 0 && (mag === 0n || mag === 0)) digits = '';
    else if (digits.length < sp.prec) digits = '0'.repeat(sp.prec - digits.length) + digits;
  }
  if (sp.flags & F_HASH) {
    if (conv === 111) { if (digits.charCodeAt(0) !== 48) digits = '0' + digits; }
    else if ((conv === 120 || conv === 88) && mag !== 0n && mag !== 0) sign = conv === 120 ? '0x' : '0X';
  }
  return layout(sign, digits, sp, sp.prec < 0);
}

function floatSign(d: number, sp: Spec): string {
  if (d < 0 || (d === 0 && 1 / d < 0)) return '-';
  if (sp.flags & F_PLUS) return '+';
  if (sp.flags & F_SPACE) return ' ';
  return '';
}

function fmtNonFinite(d: number, upper: boolean, sp: Spec): string {
  let sign: string;
  let body: string;
  if (d !== d) { sign = '-'; body = 'nan'; } else {
    sign = d < 0 ? '-' : (sp.flags & F_PLUS) ? '+' : (sp.flags & F_SPACE) ? ' ' : '';
    body = 'inf';
  }
  if (upper) body = body.toUpperCase();
  return layout(sign, body, sp, false);
}

/** %e body (no sign) for x >= 0. */
function eBody(x: number, prec: number, alt: boolean, upper: boolean): string {
  let ds: string;
  let e: number;
  if (x === 0) { ds = '0'.repeat(prec + 1); e = 0; } else ({ ds, e } = sigDigits(x, prec + 1));
  let m = ds[0]!;
  if (prec > 0) m += '.' + ds.slice(1);
  else if (alt) m += '.';
  const ae = e < 0 ? -e : e;
  return m + (upper ? 'E' : 'e') + (e < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
}

/** %f body (no sign) for x >= 0. */
function fBody(x: number, prec: number, alt: boolean): string {
  let ds = fixedDigits(x, prec);
  if (prec === 0) return alt ? ds + '.' : ds;
  if (ds.length <= prec) ds = '0'.repeat(prec + 1 - ds.length) + ds;
  return ds.slice(0, ds.length - prec) + '.' + ds.slice(ds.length - prec);
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** %a body (no sign) for x >= 0, glibc style: 0x1.<hex>p<exp>, subnormals as 0x0.<hex>p-1022. */
function aBody(x: number, prec: number, alt: boolean, upper: boolean): string {
  F64[0] = x;
  const hi = U32[1]!, lo = U32[0]!;
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bexp === 0) exp = mant === 0n ? 0 : -1022;
  else { mant |= 1n << 52n; exp = bexp - 1023; }
  let lead: bigint;
  let frac: string;
  if (prec < 0) {
    lead = mant >> 52n;
    frac = (mant & 0xfffffffffffffn).toString(16).padStart(13, '0');
    let n = 13;
    while (n > 0 && frac.charCodeAt(n - 1) === 48) n--;
    frac = frac.slice(0, n);
  } else if (prec >= 13) {
    lead = mant >> 52n;
    frac = (mant & 0xfffffffffffffn).toString(16).padStart(13, '0') + '0'.repeat(prec - 13);
  } else {
    const sh = BigInt(52 - 4 * prec);
    let q = mant >> sh;
    const rem = mant - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    const fb = BigInt(4 * prec);
    lead = q >> fb;
    frac = prec === 0 ? '' : (q & ((1n << fb) - 1n)).toString(16).padStart(prec, '0');
  }
  let s = '0x' + lead.toString(16);
  if (frac.length > 0 || alt) s += '.' + frac;
  s += 'p' + (exp < 0 ? '-' : '+') + (exp < 0 ? -exp : exp);
  return upper ? s.toUpperCase() : s;
}

function fmtFloatConv(d: number, conv: number, sp: Spec): string {
  const upper = conv === 69 || conv === 71 || conv === 65; // E G A
  if (d !== d || d === Infinity || d === -Infinity) return fmtNonFinite(d, upper, sp);
  const sign = floatSign(d, sp);
  const x = d < 0 ? -d : (d === 0 ? 0 : d);
  const alt = (sp.flags & F_HASH) !== 0;
  let body: string;
  switch (conv) {
    case 101: case 69: body = eBody(x, sp.prec < 0 ? 6 : sp.prec, alt, upper); break;
    case 102: body = fBody(x, sp.prec < 0 ? 6 : sp.prec, alt); break;
    case 103: case 71: body = fmtG(x, sp.prec < 0 ? 6 : sp.prec, alt, upper); break;
    default: {
      body = aBody(x, sp.prec, alt, upper);
      // zero padding goes after the "0x"
      if (!(sp.flags & F_MINUS) && (sp.flags & F_ZERO) && sign.length + body.length < sp.width) {
        return sign + body.slice(0, 2) + '0'.repeat(sp.width - sign.length - body.length) + body.slice(2);
      }
    }
  }
  return layout(sign, body, sp, true);
}

/** %q of a string. */
export function quoteString(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) {
      out += s.slice(from, i) + '\\' + s[i];
      from = i + 1;
    } else if (c < 32 || c === 127) {
      const next = s.charCodeAt(i + 1);
      out += s.slice(from, i) + '\\' + (isDigit(next) ? String(c).padStart(3, '0') : String(c));
      from = i + 1;
    }
  }
  return out + s.slice(from) + '"';
}

/** %q of a float (hex float; inf, -inf and NaN as numerals that read back). */
export function quoteFloat(d: number): string {
  if (d === Infinity) return '1e9999';
  if (d === -Infinity) return '-1e9999';
  if (d !== d) return '(0/0)';
  const neg = d < 0 || (d === 0 && 1 / d < 0);
  const body = aBody(neg ? -d : d, -1, false, false);
  return neg ? '-' + body : body;
}

function addLiteral(args: readonly FormatArg[], i: number, ints: number): string {
  const v = args[i]!;
  if (typeof v === 'string') return quoteString(v);
  if (isSmallInt(v, i, ints)) return String(v);
  if (typeof v === 'bigint') {
    return v === -9223372036854775808n ? '0x8000000000000000' : v.toString();
  }
  if (typeof v === 'number') return quoteFloat(v);
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new ArgError(i + 2, 'value has no literal form', 'format');
}

const SPEC: Spec = { flags: 0, width: 0, prec: -1 };

/** Whether args[i] is a Lua integer passed as a JS number (bit i of ints). */
function isSmallInt(v: FormatArg | undefined, i: number, ints: number): v is number {
  return i < 31 && ((ints >>> i) & 1) === 1 && typeof v === 'number';
}

/** string.format(fmt, ...args). */
export function format(fmt: string, args: readonly FormatArg[], tostr?: (i: number) => string,
  ptr?: (i: number) => string | null, ints = 0): string {
  const n = fmt.length;
  let out = '';
  let from = 0; // start of pending literal text
  let arg = -1;
  let i = 0;
  while (i < n) {
    if (fmt.charCodeAt(i) !== 37) { i++; continue; }
    if (i > from) out += fmt.slice(from, i);
    i++;
    if (fmt.charCodeAt(i) === 37) { out += '%'; i++; from = i; continue; }
    if (++arg >= args.length) throw new ArgError(arg + 2, 'no value', 'format');
    // getformat: flags, digits and '.', then the conversion character
    const start = i;
    let ci = i;
    while (ci < n && isFlagOrDigit(fmt.charCodeAt(ci))) ci++;
    if (ci - start + 1 >= MAX_FORMAT - 10) throw new LuaRuntimeError('invalid format (too long)');
    const conv = ci < n ? fmt.charCodeAt(ci) : 0;
    i = ci + 1;
    from = i;
    const sp = SPEC;
    switch (conv) {
      case 99: { // c
        checkFormat(fmt, start, ci, F_MINUS, false, sp);
        const v = checkInteger(args, arg);
        out += pad(String.fromCharCode(Number(BigInt.asUintN(8, v))), sp.width, (sp.flags & F_MINUS) !== 0);
        break;
      }
      case 100: case 105: case 117: case 111: case 120: case 88: { // d i u o x X
        const a = args[arg];
        if (isSmallInt(a, arg, ints) && (a >= 0 || conv === 100 || conv === 105)) {
          if (ci === start && (conv === 100 || conv === 105 || conv === 117)) { out += String(a); break; }
          checkFormat(fmt, start, ci, conv === 100 || conv === 105 ? F_MINUS | F_PLUS | F_ZERO | F_SPACE
            : conv === 117 ? F_MINUS | F_ZERO : F_MINUS | F_HASH | F_ZERO, true, sp);
          out += fmtInteger(a, conv, sp);
          break;
        }
        // a small negative integer takes the int64 path for its two's complement digits
        const v = isSmallInt(a, arg, ints) ? BigInt(a) : checkInteger(args, arg);
        checkFormat(fmt, start, ci, conv === 100 || conv === 105 ? F_MINUS | F_PLUS | F_ZERO | F_SPACE
          : conv === 117 ? F_MINUS | F_ZERO : F_MINUS | F_HASH | F_ZERO, true, sp);
        if (ci === start && (conv === 100 || conv === 105)) out += v.toString();
        else out += fmtInteger(v, conv, sp);
        break;
      }
      case 97: case 65: // a A
        checkFormat(fmt, start, ci, F_MINUS | F_PLUS | F_HASH | F_ZERO | F_SPACE, true, sp);
        out += fmtFloatConv(checkNumber(args, arg), conv, sp);
        break;
      case 102: case 101: case 69: case 103: case 71: { // f e E g G
        const d = checkNumber(args, arg);
        checkFormat(fmt, start, ci, F_MINUS | F_PLUS | F_HASH | F_ZERO | F_SPACE, true, sp);
        out += fmtFloatConv(d, conv, sp);
        break;
      }
      case 112: { // p
        const p = ptr ? ptr(arg) : null;
        checkFormat(fmt, start, ci, F_MINUS, false, sp);
        out += pad(p ?? '(null)', sp.width, (sp.flags & F_MINUS) !== 0);
        break;
      }
      case 113: // q
        if (ci !== start) throw new LuaRuntimeError("specifier '%q' cannot have modifiers");
        out += addLiteral(args, arg, ints);
        break;
      case 115: { // s
        const a = args[arg]!;
        const s = tostr ? tostr(arg) : isSmallInt(a, arg, ints) ? String(a) : defaultToString(a);
        if (ci === start) { out += s; break; }
        if (s.indexOf('\0') >= 0) throw new ArgError(arg + 2, 'string contains zeros', 'format');
        checkFormat(fmt, start, ci, F_MINUS, true, sp);
        if (sp.prec < 0 && s.length >= 100) { out += s; break; }
        const body = sp.prec >= 0 && s.length > sp.prec ? s.slice(0, sp.prec) : s;
        out += pad(body, sp.width, (sp.flags & F_MINUS) !== 0);
        break;
      }
      default:
        throw new LuaRuntimeError(`invalid conversion '${cstr('%' + fmt.slice(start, ci + 1))}' to 'format'`);
    }
  }
  if (from < n) out += from === 0 ? fmt : fmt.slice(from);
  return out;
}
