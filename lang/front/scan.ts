// Scanners for the tokens that need more than a character class to read the way llex.c
// does: comments, long brackets, short strings with escapes, numerals. Each returns the
// raw text plus a payload (decoded string or numeric value).
//
// Errors: a scanner that meets a lexical error records it in `scanError` and the lexer
// stops there with every earlier token kept. The parser is
// then replayed over those tokens to decide whether a syntax error comes first, as Lua's
// lazy lexer would.

import { str2number } from './numeral.js';

/** A lexical error, located by character offset; lines are resolved by the caller. */
export interface ScanError {
  /** Offset where llex.c detects the error (its `current` character). */
  pos: number;
  /** Offset where the erroneous token starts. */
  tokenStart: number;
  msg: string;
  /** Formatted "near" part: `'text'` or `<eof>`; null for none. */
  near: string | null;
  /** For unfinished long strings/comments: offset of the opening bracket (for its line). */
  openPos: number;
}

export let scanError: ScanError | null = null;
export function resetScanError(): void { scanError = null; }

type Match = [string] & { payload?: unknown };

// The lexer reads a match (text and payload) at once and drops it, so one array per
// scanner is reused instead of allocating one per token.
const M_LONG: Match = [''];
const M_NUMBER: Match = [''];
const M_STRING: Match = [''];
function hit(m: Match, image: string, payload: unknown): Match {
  m[0] = image;
  m.payload = payload;
  return m;
}

function fail(text: string, tokenStart: number, pos: number, msg: string, near: string | null, openPos = -1): Match {
  scanError = { pos, tokenStart, msg, near, openPos };
  return [text.slice(tokenStart)];
}

/** `'...'` as txtToken prints a buffer: C's %s stops at the first NUL. */
export function quoteNear(s: string): string {
  const z = s.indexOf('\0');
  return "'" + (z >= 0 ? s.slice(0, z) : s) + "'";
}

// ---------------------------------------------------------------- long brackets

/** Count of '=' in a `[==[` opener at `i`, or -1 if not an opener. -2: `[=` with no 2nd `[`. */
function openLevel(text: string, i: number): number {
  let j = i + 1;
  while (text.charCodeAt(j) === 0x3d) j++;
  if (text.charCodeAt(j) === 0x5b) return j - i - 1;
  return j === i + 1 ? -1 : -2;
}

/** Skips a newline sequence at `i` (\n, \r, \r\n or \n\r count once) and returns the next offset. */
function skipNewline(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return (d === 10 || d === 13) && d !== c ? i + 2 : i + 1;
}

/**
 * Reads a long bracket body whose opener `[==[` starts at `start` with `level` '='s.
 * Returns the offset after the closer, or -1 if unfinished.
 */
function longBracketEnd(text: string, start: number, level: number): number {
  const closer = level === 0 ? ']]' : ']' + '='.repeat(level) + ']';
  const k = text.indexOf(closer, start + level + 2);
  return k < 0 ? -1 : k + closer.length;
}

function longContent(text: string, start: number, level: number, end: number): string {
  let i = start + level + 2;
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13) i = skipNewline(text, i);     // first newline is not content
  const s = text.slice(i, end - level - 2);
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n|\n\r|\r/g, '\n');
}

// Each scanner checks its own first character and returns null when it does not apply.

export function matchLongString(text: string, offset: number): Match | null {
  if (text.charCodeAt(offset) !== 0x5b) return null;
  const level = openLevel(text, offset);
  if (level === -1) return null;                          // a plain '['
  if (level === -2) {
    let j = offset + 1;
    while (text.charCodeAt(j) === 0x3d) j++;
    return fail(text, offset, j, 'invalid long string delimiter', quoteNear(text.slice(offset, j)));
  }
  const end = longBracketEnd(text, offset, level);
  if (end < 0) return fail(text, offset, text.length, 'unfinished long string', '<eof>', offset);
  return hit(M_LONG, text.slice(offset, end), longContent(text, offset, level, end));
}

/** End offset of the comment starting at `offset` (`--`), or -1 with `scanError` set. */
export function commentEnd(text: string, offset: number): number {
  if (text.charCodeAt(offset + 2) === 0x5b) {
    const level = openLevel(text, offset + 2);
    if (level >= 0) {
      const end = longBracketEnd(text, offset + 2, level);
      if (end < 0) {
        fail(text, offset, text.length, 'unfinished long comment', '<eof>', offset + 2);
        return -1;
      }
      return end;
    }
  }
  let i = offset + 2;
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
  }
  return i;
}

// ---------------------------------------------------------------- numerals

// llex.c's read_numeral: a deliberately loose pattern (hex digits, dots, exponent marks
// with an optional sign, then at most one touching letter) whose text str2number judges.
const NUMERAL = /0[xX](?:[pP][-+]?|[0-9a-fA-F.])*[A-Za-z_]?|\.?[0-9](?:[eE][-+]?|[0-9a-fA-F.])*[A-Za-z_]?/y;

export function matchNumber(text: string, offset: number): Match | null {
  const c = text.charCodeAt(offset);
  if (c === 0x2e) {
    const d = text.charCodeAt(offset + 1);
    if (!(d >= 0x30 && d <= 0x39)) return null;          // '.', '..', '...'
  } else if (!(c >= 0x30 && c <= 0x39)) {
    return null;
  }
  NUMERAL.lastIndex = offset;
  const r = NUMERAL.exec(text)!;
  const image = r[0];
  const value = str2number(image);
  if (value === null) {
    return fail(text, offset, offset + image.length, 'malformed number', quoteNear(image));
  }
  return hit(M_NUMBER, image, value);
}

// ---------------------------------------------------------------- short strings

function isXDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}
function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
}
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 9 && c <= 13);
}

/** luaO_utf8esc: up to 6 bytes, for values up to 2^31-1. */
function utf8Bytes(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const out: number[] = [];
  let mfb = 0x3f;
  do {
    out.push(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  out.push(((~mfb << 1) | x) & 0xff);
  out.reverse();
  return String.fromCharCode(...out);
}

export function matchString(text: string, offset: number): Match | null {
  const del = text.charCodeAt(offset);
  if (del !== 0x22 && del !== 0x27) return null;
  const n = text.length;
  let i = offset + 1;
  // Fast path: no escapes.
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === del) {
      return hit(M_STRING, text.slice(offset, i + 1), text.slice(offset + 1, i));
    }
    if (c === 0x5c || c === 10 || c === 13) break;
  }
  return slowString(text, offset, del, i);
}

function slowString(text: string, offset: number, del: number, i: number): Match {
  const n = text.length;
  const q = String.fromCharCode(del);
  let buf = text.slice(offset + 1, i);     // decoded content so far
  let seg = i;                             // start of the not yet copied plain run
  // The "near" text of an escape error is Lua's buffer: delimiter, decoded content, and
  // the raw characters of the bad escape read so far (plus the offending character).
  const near = (rawEnd: number, extra: number): string => {
    const cur = rawEnd < n && extra ? text[rawEnd] : '';
    return quoteNear(q + buf + text.slice(escStart, rawEnd) + cur);
  };
  let escStart = 0;
  for (;;) {
    if (i >= n) return fail(text, offset, i, 'unfinished string', '<eof>');
    const c = text.charCodeAt(i);
    if (c === del) break;
    if (c === 10 || c === 13) {
      return fail(text, offset, i, 'unfinished string', quoteNear(q + buf + text.slice(seg, i)));
    }
    if (c !== 0x5c) { i++; continue; }
    buf += text.slice(seg, i);
    escStart = i;
    const e = text.charCodeAt(i + 1);
    switch (e) {
      case 0x61: buf += '\x07'; i += 2; break;
      case 0x62: buf += '\b'; i += 2; break;
      case 0x66: buf += '\f'; i += 2; break;
      case 0x6e: buf += '\n'; i += 2; break;
      case 0x72: buf += '\r'; i += 2; break;
      case 0x74: buf += '\t'; i += 2; break;
      case 0x76: buf += '\v'; i += 2; break;
      case 0x5c: case 0x22: case 0x27: buf += text[i + 1]; i += 2; break;
      case 10: case 13: buf += '\n'; i = skipNewline(text, i + 1); break;
      case 0x78: {  // \xXX
        const h1 = text.charCodeAt(i + 2);
        if (!isXDigit(h1)) return fail(text, offset, i + 2, 'hexadecimal digit expected', near(i + 2, 1));
        const h2 = text.charCodeAt(i + 3);
        if (!isXDigit(h2)) return fail(text, offset, i + 3, 'hexadecimal digit expected', near(i + 3, 1));
        buf += String.fromCharCode(hexValue(h1) * 16 + hexValue(h2));
        i += 4;
        break;
      }
      case 0x75: {  // \u{XXX}
        let j = i + 2;
        if (text.charCodeAt(j) !== 0x7b) return fail(text, offset, j, "missing '{'", near(j, 1));
        j++;
        if (!isXDigit(text.charCodeAt(j))) return fail(text, offset, j, 'hexadecimal digit expected', near(j, 1));
        let r = hexValue(text.charCodeAt(j));
        j++;
        while (isXDigit(text.charCodeAt(j))) {
          if (r > (0x7fffffff >>> 4)) return fail(text, offset, j, 'UTF-8 value too large', near(j, 1));
          r = r * 16 + hexValue(text.charCodeAt(j));
          j++;
        }
        if (text.charCodeAt(j) !== 0x7d) return fail(text, offset, j, "missing '}'", near(j, 1));
        buf += utf8Bytes(r);
        i = j + 1;
        break;
      }
      case 0x7a: {  // \z skips following white space, newlines included
        i += 2;
        while (i < n && isSpace(text.charCodeAt(i))) {
          const d = text.charCodeAt(i);
          i = d === 10 || d === 13 ? skipNewline(text, i) : i + 1;
        }
        break;
      }
      default: {
        if (i + 1 >= n) { i++; break; }             // backslash at end: unfinished string next
        if (!(e >= 0x30 && e <= 0x39)) {
          return fail(text, offset, i + 1, 'invalid escape sequence', near(i + 1, 1));
        }
        let j = i + 1;
        let r = 0;
        for (let k = 0; k < 3; k++) {
          const d = text.charCodeAt(j);
          if (!(d >= 0x30 && d <= 0x39)) break;
          r = r * 10 + d - 0x30;
          j++;
        }
        if (r > 255) return fail(text, offset, j, 'decimal escape too large', near(j, 1));
        buf += String.fromCharCode(r);
        i = j;
      }
    }
    seg = i;
  }
  buf += text.slice(seg, i);
  return hit(M_STRING, text.slice(offset, i + 1), buf);
}
