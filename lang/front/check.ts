// The error finder: a recursive-descent recogniser that follows lparser.c step by step
// (same token reads, same checks, same order, same C-level counting) but builds nothing.
// It runs only when the Chevrotain parser refused the input, and throws the exact
// LuaSyntaxError lua5.4 would have raised: the first error Lua's one-token-at-a-time
// lexer and parser meet, which may be a lexical error or a syntax error before it.

import type { IToken } from 'chevrotain';
import { LuaSyntaxError } from './errors.js';
import { chunkId } from './chunkid.js';
import { T, BINARY_PRIORITY, UNARY_PRIORITY } from './tokens.js';
import type { LexResult } from './lexer.js';
import { quoteNear } from './scan.js';
import { MAX_C_LEVELS, MAX_VARS } from './parser.js';

const EOS = '<eof>';

/** The parser-level kind of a token: its text for symbols and reserved words. */
function kindOf(t: IToken): string {
  const tt = t.tokenType;
  if (tt === T.Name) return '<name>';
  if (tt === T.Number) return '<number>';
  if (tt === T.String || tt.CATEGORIES?.includes(T.String)) return '<string>';
  if (tt === T.Other) return '<other>';
  return t.image;
}

/** luaX_token2str for an expected token. */
function token2str(kind: string): string {
  return kind.charCodeAt(0) === 0x3c /* '<' */ ? kind : `'${kind}'`;
}

/** txtToken: how the current token is shown after "near". */
export function nearText(t: IToken | null): string {
  if (t === null) return EOS;
  const tt = t.tokenType;
  if (tt === T.String) {
    const q = t.image[0]!;
    return quoteNear(q + (t.payload as string) + q);
  }
  if (tt !== T.Name && tt !== T.Number && tt.CATEGORIES?.includes(T.String)) {
    // Long string: Lua's buffer holds the brackets around the decoded content.
    let lvl = 1;
    while (t.image.charCodeAt(lvl) === 0x3d) lvl++;
    const eqs = t.image.slice(1, lvl);
    return quoteNear('[' + eqs + '[' + (t.payload as string) + ']' + eqs + ']');
  }
  if (tt === T.Other) {
    const c = t.image.charCodeAt(0);
    return c >= 0x20 && c < 0x7f ? `'${t.image}'` : `'<\\${c}>'`;
  }
  return quoteNear(t.image);
}

class Checker {
  private readonly toks: IToken[];
  private readonly n: number;
  private i = -1;
  private cur = EOS;
  /** The current token's kind (a method, so TypeScript does not narrow it across next()). */
  private k(): string { return this.cur; }
  private readonly lx: LexResult;
  private readonly src: string;
  private level: number;
  private readonly varargs: boolean[] = [true];
  /** Locals of the current function in scope (actvar.n - firstlocal), and its line. */
  private nvars = 0;
  private fnLine = 0;

  constructor(lx: LexResult, chunkName: string, cBase: number) {
    this.lx = lx;
    this.toks = lx.tokens;
    this.n = lx.tokens.length;
    this.src = chunkId(chunkName);
    this.level = cBase;
  }

  run(): void {
    this.next();
    this.statlist();
    if (this.k() !== EOS) this.errorExpected(EOS);
  }

  // ---------------------------------------------------------------- tokens and errors

  private lexError(): never {
    const e = this.lx.error!;
    let msg = e.msg;
    if (e.openPos >= 0) msg += ` (starting at line ${e.openLine})`;
    if (e.near !== null) msg += ` near ${e.near}`;
    throw new LuaSyntaxError(`${this.src}:${e.line}: ${msg}`, e.line);
  }

  private next(): void {
    const j = ++this.i;
    if (j < this.n) { this.cur = kindOf(this.toks[j]!); return; }
    if (this.lx.error !== null) this.lexError();
    this.cur = EOS;
  }

  private lookahead(): string {
    const j = this.i + 1;
    if (j < this.n) return kindOf(this.toks[j]!);
    if (this.lx.error !== null) this.lexError();
    return EOS;
  }

  private line(): number {
    return this.i < this.n ? (this.toks[this.i]!.endLine as number) : this.lx.eofLine;
  }

  private error(msg: string): never {
    const line = this.line();
    const near = nearText(this.i < this.n ? this.toks[this.i]! : null);
    throw new LuaSyntaxError(`${this.src}:${line}: ${msg} near ${near}`, line);
  }

  /** luaK_semerror: the message has no "near" part. */
  private semError(msg: string): never {
    const line = this.line();
    throw new LuaSyntaxError(`${this.src}:${line}: ${msg}`, line);
  }

  private errorExpected(kind: string): never {
    this.error(`${token2str(kind)} expected`);
  }

  /** new_localvar: the limit is checked as each name is declared (the token after it is current). */
  private newVar(): void {
    if (this.nvars + 1 > MAX_VARS) {
      const where = this.fnLine === 0 ? 'main function' : `function at line ${this.fnLine}`;
      this.error(`too many local variables (limit is ${MAX_VARS}) in ${where}`);
    }
    this.nvars++;
  }

  private enter(): void {
    if (++this.level >= MAX_C_LEVELS) throw new LuaSyntaxError('C stack overflow', 0);
  }

  private testnext(k: string): boolean {
    if (this.k() === k) { this.next(); return true; }
    return false;
  }

  private checknext(k: string): void {
    if (this.k() !== k) this.errorExpected(k);
    this.next();
  }

  private checkMatch(what: string, who: string, where: number): void {
    if (this.testnext(what)) return;
    if (where === this.line()) this.errorExpected(what);
    this.error(`${token2str(what)} expected (to close ${token2str(who)} at line ${where})`);
  }

  private checkname(): string {
    if (this.k() !== '<name>') this.errorExpected('<name>');
    const name = this.toks[this.i]!.image;
    this.next();
    return name;
  }

  // ---------------------------------------------------------------- statements

  private blockFollow(withUntil: boolean): boolean {
    switch (this.k()) {
      case 'else': case 'elseif': case 'end': case EOS: return true;
      case 'until': return withUntil;
      default: return false;
    }
  }

  /** A block's statements; its locals go out of scope at its end. */
  private statlist(): void {
    const saved = this.nvars;
    while (!this.blockFollow(true)) {
      if (this.k() === 'return') { this.statement(); break; }
      this.statement();
    }
    this.nvars = saved;
  }

  private statement(): void {
    const line = this.line();
    this.enter();
    switch (this.k()) {
      case ';': this.next(); break;
      case 'if': this.ifstat(line); break;
      case 'while':
        this.next(); this.expr(); this.checknext('do'); this.statlist();
        this.checkMatch('end', 'while', line);
        break;
      case 'do':
        this.next(); this.statlist(); this.checkMatch('end', 'do', line);
        break;
      case 'for': this.forstat(line); break;
      case 'repeat':
        this.next(); this.statlist(); this.checkMatch('until', 'repeat', line); this.expr();
        break;
      case 'function': this.funcstat(line); break;
      case 'local':
        this.next();
        if (this.testnext('function')) { this.checkname(); this.newVar(); this.body(this.line(), false); }
        else this.localstat();
        break;
      case '::':
        this.next(); this.checkname(); this.checknext('::');
        while (this.k() === ';' || this.k() === '::') this.statement();
        break;
      case 'return': this.next(); this.retstat(); break;
      case 'break': this.next(); break;
      case 'goto': this.next(); this.checkname(); break;
      default: this.exprstat(); break;
    }
    this.level--;
  }

  private ifstat(line: number): void {
    this.testThenBlock();
    while (this.k() === 'elseif') this.testThenBlock();
    if (this.testnext('else')) this.statlist();
    this.checkMatch('end', 'if', line);
  }

  private testThenBlock(): void {
    this.next();
    this.expr();
    this.checknext('then');
    if (this.k() === 'break') {
      this.next();
      while (this.testnext(';')) { /* skip */ }
      if (this.blockFollow(false)) return;
    }
    this.statlist();
  }

  private forstat(line: number): void {
    const saved = this.nvars;
    this.next();
    this.checkname();
    switch (this.k()) {
      case '=':
        for (let j = 0; j < 4; j++) this.newVar();
        this.next(); this.expr(); this.checknext(','); this.expr();
        if (this.testnext(',')) this.expr();
        break;
      case ',': case 'in':
        for (let j = 0; j < 5; j++) this.newVar();
        while (this.testnext(',')) { this.checkname(); this.newVar(); }
        this.checknext('in');
        this.explist();
        break;
      default: this.error("'=' or 'in' expected");
    }
    this.checknext('do');
    this.statlist();
    this.checkMatch('end', 'for', line);
    this.nvars = saved;
  }

  private funcstat(line: number): void {
    this.next();
    this.checkname();
    while (this.k() === '.') { this.next(); this.checkname(); }
    let isMethod = false;
    if (this.k() === ':') { this.next(); this.checkname(); isMethod = true; }
    this.body(line, isMethod);
  }

  private localstat(): void {
    let toclose = false;
    do {
      this.checkname();
      this.newVar();
      if (this.testnext('<')) {
        const attr = this.checkname();
        this.checknext('>');
        if (attr === 'close') {
          if (toclose) this.semError('multiple to-be-closed variables in local list');
          toclose = true;
        } else if (attr !== 'const') {
          this.semError(`unknown attribute '${attr}'`);
        }
      }
    } while (this.testnext(','));
    if (this.testnext('=')) this.explist();
  }

  private exprstat(): void {
    const v = this.suffixedexp();
    if (this.k() === '=' || this.k() === ',') this.restassign(v);
    else if (v !== 'call') this.error('syntax error');
  }

  private restassign(v: string): void {
    if (v !== 'var') this.error('syntax error');
    if (this.testnext(',')) {
      const nv = this.suffixedexp();
      this.enter();
      this.restassign(nv);
      this.level--;
    } else {
      this.checknext('=');
      this.explist();
    }
  }

  private retstat(): void {
    if (!(this.blockFollow(true) || this.k() === ';')) this.explist();
    this.testnext(';');
  }

  // ---------------------------------------------------------------- functions

  private body(line: number, isMethod: boolean): void {
    const outerVars = this.nvars, outerLine = this.fnLine;
    this.nvars = 0;
    this.fnLine = line;
    this.checknext('(');
    if (isMethod) this.newVar();
    let vararg = false;
    if (this.k() !== ')') {
      do {
        if (this.k() === '<name>') { this.next(); this.newVar(); }
        else if (this.k() === '...') { this.next(); vararg = true; }
        else this.error("<name> or '...' expected");
      } while (!vararg && this.testnext(','));
    }
    this.checknext(')');
    this.varargs.push(vararg);
    this.statlist();
    this.checkMatch('end', 'function', line);
    this.varargs.pop();
    this.nvars = outerVars;
    this.fnLine = outerLine;
  }

  // ---------------------------------------------------------------- expressions

  private explist(): void {
    this.expr();
    while (this.testnext(',')) this.expr();
  }

  private funcargs(line: number): void {
    switch (this.k()) {
      case '(':
        this.next();
        if (this.k() !== ')') this.explist();
        this.checkMatch(')', '(', line);
        break;
      case '{': this.constructor_(); break;
      case '<string>': this.next(); break;
      default: this.error('function arguments expected');
    }
  }

  /** Returns 'var' (assignable), 'call', or 'other'. */
  private suffixedexp(): string {
    const line = this.line();
    let v: string;
    if (this.k() === '(') {
      const l = this.line();
      this.next();
      this.expr();
      this.checkMatch(')', '(', l);
      v = 'other';
    } else if (this.k() === '<name>') {
      this.next();
      v = 'var';
    } else {
      this.error('unexpected symbol');
    }
    for (;;) {
      switch (this.k()) {
        case '.': this.next(); this.checkname(); v = 'var'; break;
        case '[': this.next(); this.expr(); this.checknext(']'); v = 'var'; break;
        case ':': this.next(); this.checkname(); this.funcargs(line); v = 'call'; break;
        case '(': case '<string>': case '{': this.funcargs(line); v = 'call'; break;
        default: return v;
      }
    }
  }

  private simpleexp(): void {
    switch (this.k()) {
      case '<number>': case '<string>': case 'nil': case 'true': case 'false':
        this.next();
        return;
      case '...':
        if (!this.varargs[this.varargs.length - 1]) this.error("cannot use '...' outside a vararg function");
        this.next();
        return;
      case '{': this.constructor_(); return;
      case 'function': this.next(); this.body(this.line(), false); return;
      default: this.suffixedexp();
    }
  }

  private expr(): void { this.subexpr(0); }

  private subexpr(limit: number): void {
    this.enter();
    const t = this.k();
    if (t === 'not' || t === '-' || t === '~' || t === '#') {
      this.next();
      this.subexpr(UNARY_PRIORITY);
    } else {
      this.simpleexp();
    }
    for (;;) {
      const pr = BINARY_PRIORITY[this.k()];
      if (pr === undefined || pr[0] <= limit || !Object.hasOwn(BINARY_PRIORITY, this.k())) break;
      this.next();
      this.subexpr(pr[1]);
    }
    this.level--;
  }

  private constructor_(): void {
    const line = this.line();
    this.checknext('{');
    do {
      if (this.k() === '}') break;
      this.field();
    } while (this.testnext(',') || this.testnext(';'));
    this.checkMatch('}', '{', line);
  }

  private field(): void {
    if (this.k() === '<name>') {
      if (this.lookahead() !== '=') { this.expr(); return; }
      this.next();
    } else if (this.k() === '[') {
      this.next(); this.expr(); this.checknext(']');
    } else {
      this.expr();
      return;
    }
    this.checknext('=');
    this.expr();
  }
}

/** Throws Lua's error for the tokens of `lx`; returns normally if they form a valid chunk. */
export function checkChunk(lx: LexResult, chunkName: string, cBase: number): void {
  new Checker(lx, chunkName, cBase).run();
}
