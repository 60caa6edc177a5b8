// The Lua lexer: one hand-written pass over a byte string that produces Chevrotain tokens
// (the parser's input) with their end lines, retyping reserved words as it reads names.
// Chevrotain's table-driven Lexer cost more than the parser itself on large files. The
// parser reads tokens one at a time into a few reused objects (parser.ts); `tokenize`
// builds the whole list, for the error checker and the specs.
//
// Lines follow llex.c: "\n", "\r", "\r\n" and "\n\r" each count once. A token's `endLine`
// is the line the lexer is on after reading it (its last character's line), which is what
// lparser.c sees as `ls->linenumber` while that token is current.

import type { IToken, TokenType } from 'chevrotain';
import { Lexer, createToken, EOF } from './chevrotain.js';
import { T, KW, KEYWORD_TYPES, BinOp, UnOp } from './tokens.js';
import {
  commentEnd, matchLongString, matchNumber, matchString,
  resetScanError, scanError, type ScanError,
} from './scan.js';
import { smallIntValue } from './numeral.js';

// Token kinds whose text the scanner reads (scan.ts); patterns are never used by Chevrotain.
T.Number = createToken({ name: 'Number', pattern: Lexer.NA, label: '<number>' });
T.String = createToken({ name: 'String', pattern: Lexer.NA, label: '<string>' });
export const LongString = createToken({ name: 'LongString', pattern: Lexer.NA, categories: [T.String] });
T.Name = createToken({ name: 'Name', pattern: Lexer.NA, label: '<name>' });
/** A character no Lua token starts with: llex.c returns it as a one-character token. */
T.Other = createToken({ name: 'Other', pattern: Lexer.NA });

/** Everything the parser may see. */
export const allTokens: TokenType[] = [
  T.Number, T.String, LongString, T.Name,
  T.Dots, T.Concat, T.Dot, T.Eq, T.Assign, T.Le, T.Shl, T.Lt, T.Ge, T.Shr, T.Gt,
  T.IDiv, T.Div, T.Ne, T.Tilde, T.DbColon, T.Colon,
  T.Plus, T.Minus, T.Star, T.Percent, T.Caret, T.Hash, T.Amp, T.Pipe,
  T.LParen, T.RParen, T.LBrace, T.RBrace, T.LBracket, T.RBracket, T.Semi, T.Comma,
  T.Other,
  ...Object.values(KW),
  BinOp, UnOp,
];

/** A lexical error with its line resolved. */
export interface LexError extends ScanError { line: number; openLine: number }

export interface LexResult {
  /** Tokens up to (not including) the first lexical error. */
  tokens: IToken[];
  /** The first lexical error, or null. */
  error: LexError | null;
  /** Line of the end of input (the line of `<eof>`). */
  eofLine: number;
}

// Character classes for the dispatch at each token start.
const C_OTHER = 0, C_SPACE = 1, C_NEWLINE = 2, C_NAME = 3, C_DIGIT = 4, C_SYMBOL = 5,
  C_MINUS = 6, C_DOT = 7, C_QUOTE = 8, C_LBRACKET = 9, C_PAIR = 10;
const CLASS = new Uint8Array(256);
/** For C_SYMBOL: the one-character token; for C_PAIR: the token when alone. */
const SINGLE: (TokenType | undefined)[] = new Array(256).fill(undefined);
/** For C_PAIR: second character → two-character token, as [second, type] pairs. */
const PAIRS: [number, TokenType][][] = new Array(256).fill(null).map(() => []);
{
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z_]/.test(ch)) CLASS[c] = C_NAME;
  }
  for (const ch of ' \t\v\f') CLASS[ch.charCodeAt(0)] = C_SPACE;
  CLASS[10] = CLASS[13] = C_NEWLINE;
  for (let c = 0x30; c <= 0x39; c++) CLASS[c] = C_DIGIT;
  CLASS[0x2d] = C_MINUS;
  CLASS[0x2e] = C_DOT;
  CLASS[0x22] = CLASS[0x27] = C_QUOTE;
  CLASS[0x5b] = C_LBRACKET;
  const singles: [string, TokenType][] = [
    ['+', T.Plus], ['*', T.Star], ['%', T.Percent], ['^', T.Caret], ['#', T.Hash],
    ['&', T.Amp], ['|', T.Pipe], ['(', T.LParen], [')', T.RParen], ['{', T.LBrace],
    ['}', T.RBrace], [']', T.RBracket], [';', T.Semi], [',', T.Comma],
  ];
  for (const [ch, t] of singles) { CLASS[ch.charCodeAt(0)] = C_SYMBOL; SINGLE[ch.charCodeAt(0)] = t; }
  const pairs: [string, TokenType, [string, TokenType][]][] = [
    ['=', T.Assign, [['=', T.Eq]]],
    ['<', T.Lt, [['=', T.Le], ['<', T.Shl]]],
    ['>', T.Gt, [['=', T.Ge], ['>', T.Shr]]],
    ['/', T.Div, [['/', T.IDiv]]],
    ['~', T.Tilde, [['=', T.Ne]]],
    [':', T.Colon, [[':', T.DbColon]]],
  ];
  for (const [ch, t, two] of pairs) {
    const c = ch.charCodeAt(0);
    CLASS[c] = C_PAIR;
    SINGLE[c] = t;
    PAIRS[c] = two.map(([d, tt]) => [d.charCodeAt(0), tt]);
  }
}
/** Token image of each symbol type, by tokenTypeIdx (no slicing for fixed texts). */
const IMAGE: string[] = [];
{
  const all: [TokenType, string][] = [
    [T.Dots, '...'], [T.Concat, '..'], [T.Dot, '.'], [T.Eq, '=='], [T.Assign, '='], [T.Le, '<='],
    [T.Shl, '<<'], [T.Lt, '<'], [T.Ge, '>='], [T.Shr, '>>'], [T.Gt, '>'], [T.IDiv, '//'],
    [T.Div, '/'], [T.Ne, '~='], [T.Tilde, '~'], [T.DbColon, '::'], [T.Colon, ':'], [T.Plus, '+'],
    [T.Minus, '-'], [T.Star, '*'], [T.Percent, '%'], [T.Caret, '^'], [T.Hash, '#'], [T.Amp, '&'],
    [T.Pipe, '|'], [T.LParen, '('], [T.RParen, ')'], [T.LBrace, '{'], [T.RBrace, '}'],
    [T.LBracket, '['], [T.RBracket, ']'], [T.Semi, ';'], [T.Comma, ','],
  ];
  for (const [t, s] of all) IMAGE[t.tokenTypeIdx!] = s;
}

/** Name characters: letters, digits, '_'. */
const NAME_CHAR = new Uint8Array(256);
for (let c = 0; c < 256; c++) if (/[A-Za-z0-9_]/.test(String.fromCharCode(c))) NAME_CHAR[c] = 1;

// Every token has the same shape (the fields Chevrotain's parser reads, plus ours), so
// property access stays monomorphic in the parser.
export interface Token extends IToken { payload: unknown; endLine: number }

export function newToken(): Token {
  return { image: '', startOffset: 0, tokenTypeIdx: 0, tokenType: T.Name, payload: undefined, endLine: 0 } as unknown as Token;
}

/** Line reached after reading text[from, to) starting on `line` (newline pairs count once). */
function linesIn(text: string, from: number, to: number, line: number): number {
  let p = from;
  while (p < to) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13) {
      const d = text.charCodeAt(p + 1);
      p += (d === 10 || d === 13) && d !== c && p + 1 < to ? 2 : 1;
      line++;
    } else {
      p++;
    }
  }
  return line;
}

// Names are read through a small direct-mapped cache keyed by a hash of their characters:
// a repeated name reuses one string instead of slicing a new one, and reserved words,
// seeded in the cache and never evicted, are recognised by the same probe.
const NAME_CACHE_BITS = 12;
const NAME_CACHE_MASK = (1 << NAME_CACHE_BITS) - 1;
const nameCache: string[] = new Array<string>(NAME_CACHE_MASK + 1).fill('');
const nameCacheType: TokenType[] = new Array<TokenType>(NAME_CACHE_MASK + 1).fill(T.Name);
/** Longest name kept in the cache: V8 slices of 13+ characters point into the source text,
 *  which the cache (living as long as the process) must not keep alive. */
const NAME_CACHE_MAX = 12;

function nameHash(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
const HASH_SEED = 0x811c9dc5 | 0;

function hashOf(s: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < s.length; k++) h = nameHash(h, s.charCodeAt(k));
  return (h ^ (h >>> 15)) & NAME_CACHE_MASK;
}
for (const [w, t] of KEYWORD_TYPES) {
  const slot = hashOf(w);
  if (nameCacheType[slot] !== T.Name) throw new Error(`lexer: reserved words '${w}' and '${nameCache[slot]}' share a cache slot`);
  nameCache[slot] = w;
  nameCacheType[slot] = t;
}

/**
 * A lexer over one source: `next` reads the following token into a caller-owned token
 * object (so a parser can recycle a few objects), `<eof>` once the text is consumed.
 */
export class Scanner {
  private pos = 0;
  /** Current line (llex.c's linenumber). */
  line = 1;
  /** The lexical error met, once `next` has returned false. */
  error: ScanError | null = null;

  /**
   * `lean`: the caller (the parser) reads `tokenTypeIdx` and never `tokenType`, and reads
   * `payload` only of numerals and strings; those fields are then left stale on other
   * tokens. The token objects outlive many scavenges (old space), so every pointer written
   * into one goes through V8's write barrier, a stub call while the collector is marking.
   */
  constructor(private readonly text: string, private readonly lean = false) {
    resetScanError();
  }

  /** Fills `tok` with the next token and returns true; false on a lexical error. */
  next(tok: Token): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    let line = this.line;
    for (;;) {
      if (i >= n) {
        tok.image = '';
        tok.startOffset = i;
        tok.tokenType = EOF;
        tok.tokenTypeIdx = EOF.tokenTypeIdx!;
        tok.payload = undefined;
        tok.endLine = line;
        this.pos = i;
        this.line = line;
        return true;
      }
      const c = text.charCodeAt(i);
      let cls = c < 256 ? CLASS[c]! : C_OTHER;
      // '.5' is a numeral: one path reads every numeral
      if (cls === C_DOT) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0x30 && d <= 0x39) cls = C_DIGIT;
      }
      const start = i;
      let tt: TokenType;
      let image: string;
      let payload: unknown = undefined;
      switch (cls) {
        case C_SPACE:
          i++;
          while (text.charCodeAt(i) === 0x20) i++;    // indentation
          continue;
        case C_NEWLINE: {
          const d = text.charCodeAt(i + 1);
          i += (d === 10 || d === 13) && d !== c ? 2 : 1;
          line++;
          continue;
        }
        case C_NAME: {
          let h = nameHash(HASH_SEED, c);
          i++;
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d >= 256 || NAME_CHAR[d] === 0) break;
            h = nameHash(h, d);
            i++;
          }
          const len = i - start;
          const slot = (h ^ (h >>> 15)) & NAME_CACHE_MASK;
          const cached = nameCache[slot]!;
          tt = T.Name;
          if (cached.length === len && sameText(text, start, cached)) {
            image = cached;
            tt = nameCacheType[slot]!;
          } else {
            image = text.slice(start, i);
            if (len <= NAME_CACHE_MAX && nameCacheType[slot] === T.Name) nameCache[slot] = image;
          }
          break;
        }
        case C_SYMBOL:
          tt = SINGLE[c]!;
          image = IMAGE[tt.tokenTypeIdx!]!;
          i++;
          break;
        case C_PAIR: {
          const d = text.charCodeAt(i + 1);
          tt = SINGLE[c]!;
          i++;
          const two = PAIRS[c]!;
          for (let k = 0; k < two.length; k++) {
            if (d === two[k]![0]) { tt = two[k]![1]; i++; break; }
          }
          image = IMAGE[tt.tokenTypeIdx!]!;
          break;
        }
        case C_MINUS: {
          if (text.charCodeAt(i + 1) !== 0x2d) {
            tt = T.Minus;
            image = '-';
            i++;
            break;
          }
          const end = commentEnd(text, i);
          if (end < 0) return this.fail();
          i = end;
          line = linesIn(text, start, i, line);
          continue;
        }
        case C_DOT: {
          const d = text.charCodeAt(i + 1);
          tt = T.Dot;
          if (d === 0x2e) tt = text.charCodeAt(i + 2) === 0x2e ? T.Dots : T.Concat;
          image = IMAGE[tt.tokenTypeIdx!]!;
          i += image.length;
          break;
        }
        case C_DIGIT: {
          // Most numerals are short decimal integers: when the digits end the numeral (no
          // '.', exponent, hex digit or letter follows), read them here, without the regex.
          if (c !== 0x2e) {
            let v = c - 0x30;
            let j = i + 1;
            let d = text.charCodeAt(j);
            while (d >= 0x30 && d <= 0x39) { v = v * 10 + (d - 0x30); d = text.charCodeAt(++j); }
            if (j - i <= 15 && !(d < 256 && (NAME_CHAR[d] === 1 || d === 0x2e))) {
              tt = T.Number;
              image = text.slice(i, j);
              payload = smallIntValue(v);
              i = j;
              break;
            }
            // Plain decimal floats and short hex integers, when the characters after them
            // cannot extend the numeral (llex.c's loose read would take them in).
            const hex = c === 0x30 && j === i + 1 && (d | 0x20) === 0x78;
            const e = hex ? hexEnd(text, j + 1) : floatEnd(text, j, d);
            if (e > 0) {
              const f = text.charCodeAt(e);
              if (!(f < 256 && (NAME_CHAR[f] === 1 || f === 0x2e))) {
                tt = T.Number;
                image = text.slice(i, e);
                payload = hex ? smallIntValue(parseInt(image.slice(2), 16)) : Number(image);
                i = e;
                break;
              }
            }
          }
          const m = matchNumber(text, i)!;
          if (scanError !== null) return this.fail();
          tt = T.Number;
          image = m[0];
          payload = m.payload;
          i += image.length;
          break;
        }
        case C_QUOTE: {
          const m = matchString(text, i)!;
          if (scanError !== null) return this.fail();
          tt = T.String;
          image = m[0];
          payload = m.payload;
          i += image.length;
          // Only escaped newlines put line breaks inside a short string, and every escape
          // decodes to fewer characters than its source text: no escape, no line to count.
          if ((payload as string).length !== image.length - 2) line = linesIn(text, start, i, line);
          break;
        }
        case C_LBRACKET: {
          const m = matchLongString(text, i);
          if (m === null) {
            tt = T.LBracket;
            image = '[';
            i++;
            break;
          }
          if (scanError !== null) return this.fail();
          tt = LongString;
          image = m[0];
          payload = m.payload;
          i += image.length;
          line = linesIn(text, start, i, line);
          break;
        }
        default:
          if (c >= 256) {
            // Sources are byte strings: such a character is not Lua source text at all.
            this.error = { pos: i, tokenStart: i, msg: 'unexpected symbol', near: "'" + text[i] + "'", openPos: -1 };
            return false;
          }
          tt = T.Other;
          image = text[start]!;
          i++;
      }
      tok.image = image;
      tok.startOffset = start;
      tok.tokenTypeIdx = tt.tokenTypeIdx!;
      if (!this.lean) { tok.tokenType = tt; tok.payload = payload; } else if (payload !== undefined) tok.payload = payload;
      tok.endLine = line;
      this.pos = i;
      this.line = line;
      return true;
    }
  }

  private fail(): false {
    this.error = scanError;
    return false;
  }

  /** The error with its lines resolved (error positions may lie inside a token). */
  lexError(): LexError {
    const err = this.error!;
    const openLine = err.openPos >= 0 ? linesIn(this.text, 0, err.openPos, 1) : 0;
    return { ...err, openLine, line: linesIn(this.text, 0, err.pos, 1) };
  }
}

/** End of the 1 to 13 hex digits at `from` (exact in a double), or -1. */
function hexEnd(text: string, from: number): number {
  let j = from;
  let d = text.charCodeAt(j);
  while ((d >= 0x30 && d <= 0x39) || ((d | 0x20) >= 0x61 && (d | 0x20) <= 0x66)) d = text.charCodeAt(++j);
  return j > from && j - from <= 13 ? j : -1;
}

/**
 * End of a decimal float whose integer digits end at `j` (before `d`): an optional fraction,
 * then an optional exponent with digits; -1 if there is neither, or an exponent without
 * digits (left to the full reader, which reports it).
 */
function floatEnd(text: string, j: number, d: number): number {
  const start = j;
  if (d === 0x2e) {
    d = text.charCodeAt(++j);
    while (d >= 0x30 && d <= 0x39) d = text.charCodeAt(++j);
  }
  if ((d | 0x20) === 0x65) {
    d = text.charCodeAt(++j);
    if (d === 0x2b || d === 0x2d) d = text.charCodeAt(++j);
    if (!(d >= 0x30 && d <= 0x39)) return -1;
    while (d >= 0x30 && d <= 0x39) d = text.charCodeAt(++j);
  }
  return j > start ? j : -1;
}

function sameText(text: string, start: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (text.charCodeAt(start + k) !== s.charCodeAt(k)) return false;
  return true;
}

/** All tokens of `source` (without `<eof>`), up to the first lexical error. */
export function tokenize(source: string): LexResult {
  const sc = new Scanner(source);
  const tokens: IToken[] = [];
  for (;;) {
    const tok = newToken();
    if (!sc.next(tok)) {
      const error = sc.lexError();
      return { tokens, error, eofLine: error.line };
    }
    if (tok.tokenType === EOF) return { tokens, error: null, eofLine: tok.endLine };
    tokens.push(tok);
  }
}
