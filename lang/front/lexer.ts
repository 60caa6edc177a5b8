// The Lua lexer: Chevrotain's Lexer over a byte string, plus one linear pass that gives
// every token its line and retypes reserved words.
//
// Lines follow llex.c: "\n", "\r", "\r\n" and "\n\r" each count once. A token's `endLine`
// is the line the lexer is on after reading it (its last character's line), which is what
// lparser.c sees as `ls->linenumber` while that token is current.

import type { IToken, TokenType, Lexer as ChevLexer } from 'chevrotain';
import { Lexer, createToken } from './chevrotain.js';
import { T, KW, KEYWORD_TYPES, BinOp, UnOp } from './tokens.js';
import {
  matchComment, matchLongString, matchNumber, matchOther, matchString,
  resetScanError, scanError, type ScanError,
} from './scan.js';

const digits = '0123456789'.split('');

T.Space = createToken({ name: 'Space', pattern: /[ \t\v\f\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
T.Comment = createToken({
  name: 'Comment', pattern: { exec: matchComment }, group: Lexer.SKIPPED, line_breaks: true,
  start_chars_hint: ['-'],
});
T.Number = createToken({
  name: 'Number', pattern: { exec: matchNumber }, line_breaks: false,
  start_chars_hint: [...digits, '.'], label: '<number>',
});
T.String = createToken({
  name: 'String', pattern: { exec: matchString }, line_breaks: true,
  start_chars_hint: ['"', "'"], label: '<string>',
});
const LongString = createToken({
  name: 'LongString', pattern: { exec: matchLongString }, line_breaks: true,
  start_chars_hint: ['['], categories: [T.String],
});
T.Name = createToken({ name: 'Name', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: '<name>' });

/** Characters that start no Lua token: each is a one-character token of its own. */
function otherChars(): number[] {
  const out: number[] = [];
  const starts = ' \t\v\f\r\n-0123456789."\'[_+*/%^#&~|<>=(){}];:,';
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z]/.test(ch) || starts.includes(ch)) continue;
    out.push(c);
  }
  return out;
}
T.Other = createToken({ name: 'Other', pattern: { exec: matchOther }, start_chars_hint: otherChars(), line_breaks: false });

/** Everything the parser may see, in the lexer's priority order. */
export const allTokens: TokenType[] = [
  T.Space, T.Comment, T.Number, T.String, LongString, T.Name,
  T.Dots, T.Concat, T.Dot, T.Eq, T.Assign, T.Le, T.Shl, T.Lt, T.Ge, T.Shr, T.Gt,
  T.IDiv, T.Div, T.Ne, T.Tilde, T.DbColon, T.Colon,
  T.Plus, T.Minus, T.Star, T.Percent, T.Caret, T.Hash, T.Amp, T.Pipe,
  T.LParen, T.RParen, T.LBrace, T.RBrace, T.LBracket, T.RBracket, T.Semi, T.Comma,
  T.Other,
  ...Object.values(KW),
  BinOp, UnOp,
];


let lexer: ChevLexer | null = null;
export let lexerBuildMs = 0;

function getLexer(): ChevLexer {
  if (lexer === null) {
    const t0 = performance.now();
    lexer = new Lexer(allTokens, {
      positionTracking: 'onlyOffset',
      ensureOptimizations: true,
      skipValidations: true,
    });
    // One token shape for all tokens, with the fields set later (payload by Chevrotain,
    // endLine by tokenize) already present: keeps property access monomorphic in the
    // parser and avoids a property-store allocation per token. createTokenInstance is
    // Chevrotain-internal (11.x); without it the default tokens still work.
    const lx = lexer as unknown as { createTokenInstance?: unknown };
    if (typeof lx.createTokenInstance === 'function') {
      lx.createTokenInstance = (image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType) =>
        ({ image, startOffset, tokenTypeIdx, tokenType, payload: undefined, endLine: 0 });
    }
    lexerBuildMs = performance.now() - t0;
  }
  return lexer;
}

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

const KW_INITIAL = new Uint8Array(256);
for (const w of KEYWORD_TYPES.keys()) KW_INITIAL[w.charCodeAt(0)] = 1;

export function tokenize(source: string): LexResult {
  resetScanError();
  const r = getLexer().tokenize(source);
  let tokens = r.tokens;
  let err: ScanError | null = scanError;
  if (r.errors.length > 0) {
    // Only characters outside 0-255 can fail to match (sources are byte strings).
    const e = r.errors[0]!;
    if (err === null || e.offset < err.tokenStart) {
      err = { pos: e.offset, tokenStart: e.offset, msg: 'unexpected symbol', near: "'" + source[e.offset] + "'", openPos: -1 };
    }
  }
  if (err !== null) {
    const cut = err.tokenStart;
    let n = tokens.length;
    while (n > 0 && tokens[n - 1]!.startOffset >= cut) n--;
    tokens = tokens.slice(0, n);
  }
  // One pass over the text: lines at token ends, and keywords.
  let line = 1;
  let pos = 0;
  const text = source;
  // Line at `target`, advancing `pos`/`line` (both only move forward); \r\n and \n\r count once.
  const lineAt = (target: number): number => {
    while (pos < target) {
      const c = text.charCodeAt(pos);
      if (c === 10 || c === 13) {
        const d = text.charCodeAt(pos + 1);
        pos += (d === 10 || d === 13) && d !== c ? 2 : 1;
        line++;
      } else {
        pos++;
      }
    }
    return line;
  };
  const nt = tokens.length;
  for (let k = 0; k < nt; k++) {
    const tok = tokens[k]!;
    tok.endLine = lineAt(tok.startOffset + tok.image.length);
    // Reserved words are 2-8 letters, all starting with one of a b d e f g i l n o r t u w.
    if (tok.tokenType === T.Name && tok.image.length <= 8 && KW_INITIAL[tok.image.charCodeAt(0)] === 1) {
      const kw = KEYWORD_TYPES.get(tok.image);
      if (kw !== undefined) { tok.tokenType = kw; tok.tokenTypeIdx = kw.tokenTypeIdx!; }
    }
  }
  let error: LexError | null = null;
  if (err !== null) {
    // The opening bracket of an unfinished long string comes first in the text.
    const openLine = err.openPos >= 0 ? lineAt(err.openPos) : 0;
    error = { ...err, openLine, line: lineAt(err.pos) };
    return { tokens, error, eofLine: error.line };
  }
  return { tokens, error, eofLine: lineAt(text.length) };
}

