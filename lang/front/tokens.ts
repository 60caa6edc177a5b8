// Lua 5.4's token vocabulary as Chevrotain token types. Reserved words have no pattern of
// their own: the lexer matches them as names and the scanner retypes them by a table lookup
// (one Map probe instead of 22 regex attempts per identifier).

import type { TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';

const SYMBOLS = [
  ['Dots', '...'], ['Concat', '..'], ['Dot', '.'],
  ['Eq', '=='], ['Assign', '='],
  ['Le', '<='], ['Shl', '<<'], ['Lt', '<'],
  ['Ge', '>='], ['Shr', '>>'], ['Gt', '>'],
  ['IDiv', '//'], ['Div', '/'],
  ['Ne', '~='], ['Tilde', '~'],
  ['DbColon', '::'], ['Colon', ':'],
  ['Plus', '+'], ['Minus', '-'], ['Star', '*'], ['Percent', '%'], ['Caret', '^'],
  ['Hash', '#'], ['Amp', '&'], ['Pipe', '|'],
  ['LParen', '('], ['RParen', ')'], ['LBrace', '{'], ['RBrace', '}'],
  ['LBracket', '['], ['RBracket', ']'], ['Semi', ';'], ['Comma', ','],
] as const;

export const KEYWORDS = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if',
  'in', 'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
] as const;

type SymbolName = typeof SYMBOLS[number][0];
type Keyword = typeof KEYWORDS[number];

/** Symbol token types by name (T.Assign), keyword token types by word (KW.end). */
export const T = {} as Record<SymbolName | 'Name' | 'Number' | 'String' | 'Other', TokenType>;
export const KW = {} as Record<Keyword, TokenType>;
/** Reserved word → its token type, used to retype Name tokens. */
export const KEYWORD_TYPES = new Map<string, TokenType>();

/** Categories: any binary operator, any unary operator (`-` and `~` are both). */
export const BinOp = createToken({ name: 'BinOp', pattern: Lexer.NA });
export const UnOp = createToken({ name: 'UnOp', pattern: Lexer.NA });

/** Left and right priorities of binary operators (lparser.c's table), by token image. */
export const BINARY_PRIORITY: Record<string, readonly [number, number]> = {
  '+': [10, 10], '-': [10, 10], '*': [11, 11], '%': [11, 11], '^': [14, 13],
  '/': [11, 11], '//': [11, 11], '&': [6, 6], '|': [4, 4], '~': [5, 5],
  '<<': [7, 7], '>>': [7, 7], '..': [9, 8],
  '==': [3, 3], '<': [3, 3], '<=': [3, 3], '~=': [3, 3], '>': [3, 3], '>=': [3, 3],
  'and': [2, 2], 'or': [1, 1],
};
export const UNARY_PRIORITY = 12;
const UNARY = new Set(['-', '~', '#', 'not']);

function categoriesOf(image: string): TokenType[] {
  const c: TokenType[] = [];
  if (image in BINARY_PRIORITY) c.push(BinOp);
  if (UNARY.has(image)) c.push(UnOp);
  return c;
}

for (const [name, image] of SYMBOLS) {
  T[name] = createToken({ name, pattern: image, label: `'${image}'`, categories: categoriesOf(image) });
}
for (const w of KEYWORDS) {
  const t = createToken({ name: 'kw_' + w, pattern: Lexer.NA, label: `'${w}'`, categories: categoriesOf(w) });
  KW[w] = t;
  KEYWORD_TYPES.set(w, t);
}
