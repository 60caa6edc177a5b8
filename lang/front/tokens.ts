// Lua 5.4's token vocabulary as Chevrotain token types. Reserved words have no pattern of
// their own: the lexer matches them as names and the scanner retypes them by a table lookup
// (one Map probe instead of 22 regex attempts per identifier).

import type { TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';


export const KEYWORDS = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if',
  'in', 'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
] as const;

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

// T and KW are read on every CONSUME of the parser: they are written as object literals
// because an object that gets more than a dozen properties by computed keys (T[name] = ...)
// is switched by V8 to dictionary mode, and every `T.Name` in optimized code then becomes
// a generic property-load call (8% of a large parse).
const sym = (name: string, image: string): TokenType =>
  createToken({ name, pattern: image, label: `'${image}'`, categories: categoriesOf(image) });
/** Filled by lexer.ts (the token kinds whose text the scanner reads). */
const LATER = null as unknown as TokenType;

/** Symbol token types by name (T.Assign). */
export const T = {
  Dots: sym('Dots', '...'), Concat: sym('Concat', '..'), Dot: sym('Dot', '.'),
  Eq: sym('Eq', '=='), Assign: sym('Assign', '='),
  Le: sym('Le', '<='), Shl: sym('Shl', '<<'), Lt: sym('Lt', '<'),
  Ge: sym('Ge', '>='), Shr: sym('Shr', '>>'), Gt: sym('Gt', '>'),
  IDiv: sym('IDiv', '//'), Div: sym('Div', '/'),
  Ne: sym('Ne', '~='), Tilde: sym('Tilde', '~'),
  DbColon: sym('DbColon', '::'), Colon: sym('Colon', ':'),
  Plus: sym('Plus', '+'), Minus: sym('Minus', '-'), Star: sym('Star', '*'), Percent: sym('Percent', '%'),
  Caret: sym('Caret', '^'), Hash: sym('Hash', '#'), Amp: sym('Amp', '&'), Pipe: sym('Pipe', '|'),
  LParen: sym('LParen', '('), RParen: sym('RParen', ')'), LBrace: sym('LBrace', '{'), RBrace: sym('RBrace', '}'),
  LBracket: sym('LBracket', '['), RBracket: sym('RBracket', ']'), Semi: sym('Semi', ';'), Comma: sym('Comma', ','),
  Name: LATER, Number: LATER, String: LATER, Other: LATER,
};

function kw(w: typeof KEYWORDS[number]): TokenType {
  const t = createToken({ name: 'kw_' + w, pattern: Lexer.NA, label: `'${w}'`, categories: categoriesOf(w) });
  KEYWORD_TYPES.set(w, t);
  return t;
}
/** Keyword token types by word (KW.end). */
export const KW = {
  and: kw('and'), break: kw('break'), do: kw('do'), else: kw('else'), elseif: kw('elseif'),
  end: kw('end'), false: kw('false'), for: kw('for'), function: kw('function'), goto: kw('goto'),
  if: kw('if'), in: kw('in'), local: kw('local'), nil: kw('nil'), not: kw('not'), or: kw('or'),
  repeat: kw('repeat'), return: kw('return'), then: kw('then'), true: kw('true'), until: kw('until'),
  while: kw('while'),
};
if (Object.keys(KW).join() !== KEYWORDS.join()) throw new Error('tokens: KW must list KEYWORDS in order');
