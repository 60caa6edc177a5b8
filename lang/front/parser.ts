// The main parser: a Chevrotain EmbeddedActionsParser that builds the AST while it
// recognises. It only has to accept exactly the valid programs: on any failure (syntax
// error, a check lparser.c makes, nesting beyond Lua's limit) it gives up with `Bail` and
// the caller replays the tokens through the checker, which produces Lua's exact message.
//
// Tokens are not materialised: the parser pulls them from the scanner into a ring of a
// few reused token objects (Chevrotain's documented hooks for lazy lexers: LA, LA_FAST,
// consumeToken). A consumed token is therefore only valid until a few more tokens are
// read: every rule takes what it needs from a token right after consuming it.
//
// Nesting is counted as lparser.c counts C levels (`enterlevel` in statement, subexpr and
// each extra assignment target), so a program Lua would refuse for depth is refused here
// before the JS stack is at risk.

import type { IToken, TokenType, IOrAlt } from 'chevrotain';
import { EmbeddedActionsParser, EOF } from './chevrotain.js';
import type * as A from './ast.js';
import { allTokens, newToken, Scanner, LongString, type Token } from './lexer.js';
import { LazyLookahead, keyStub } from './lookahead.js';
import { T, KW, BinOp, UnOp, BINARY_PRIORITY, UNARY_PRIORITY } from './tokens.js';

/** Thrown to abandon the fast path; never escapes the front end. */
export class Bail { }
const BAIL = new Bail();

/** lparser.c's limit on nesting (LUAI_MAXCCALLS), counted together with the caller's C levels. */
export const MAX_C_LEVELS = 200;
/** lparser.c's MAXVARS: declared locals of one function (loop control variables included). */
export const MAX_VARS = 200;

/** Size of the direct-mapped table of recent NameExprs (see `nameExpr`); a power of 2. */
const RECENT = 64;
const NO_NAME: A.NameExpr = { kind: 'Name', line: 0, name: '' };

/** What an entry of the flat expression list is (parallel arrays, see `expr`). */
const F_OPERAND = 0, F_UNARY = 1, F_BINARY = 2;

function lineOf(t: IToken): number { return t.endLine as number; }

/** Ring of token objects: LA(0) (the token just consumed), LA(1), LA(2) and slack. */
const RING = 8;
const RING_MASK = RING - 1;
/** Tokens read ahead of the current one (the parser's maxLookahead). */
const AHEAD = 2;
const NO_INPUT: IToken[] = [];

// The AST lives to the end of the parse, so the scavenger copies every list twice (an
// array is two heap objects). Lists that carry no information are shared: the empty list,
// and the attribute lists of `local` statements without attributes. The compiler never
// writes to the AST; freezing makes sure nothing else does.
const EMPTY: never[] = Object.freeze([]) as unknown as never[];
const NO_ATTRIBS: A.LocalAttrib[][] = [];
function noAttribs(k: number): A.LocalAttrib[] {
  if (k >= 16) return new Array<A.LocalAttrib>(k).fill(null);
  return NO_ATTRIBS[k] ??= Object.freeze(new Array<A.LocalAttrib>(k).fill(null)) as A.LocalAttrib[];
}

// Tokens that can start a repetition the parser enters at almost every operand: when the
// next token is none of them the repetition would run zero times, so the parser skips the
// call (and its lookahead machinery) altogether. The grammar is still recorded in full.
const TYPE_COUNT = Math.max(EOF.tokenTypeIdx!, ...allTokens.map((t) => t.tokenTypeIdx!)) + 1;
const STARTS_UNARY = new Uint8Array(TYPE_COUNT);
const STARTS_SUFFIX = new Uint8Array(TYPE_COUNT);
for (const t of allTokens) if (t.CATEGORIES?.includes(UnOp)) STARTS_UNARY[t.tokenTypeIdx!] = 1;
/** Left and right priorities of binary operators, by token type. */
const LEFT_PRIORITY = new Uint8Array(TYPE_COUNT);
const RIGHT_PRIORITY = new Uint8Array(TYPE_COUNT);
for (const t of allTokens) {
  const label = t.LABEL?.slice(1, -1);
  const pr = label !== undefined && t.CATEGORIES?.includes(BinOp) ? BINARY_PRIORITY[label] : undefined;
  if (pr !== undefined) { LEFT_PRIORITY[t.tokenTypeIdx!] = pr[0]; RIGHT_PRIORITY[t.tokenTypeIdx!] = pr[1]; }
}
if (LEFT_PRIORITY.filter((p) => p > 0).length !== Object.keys(BINARY_PRIORITY).length) throw new Error('parser: operator priorities');
for (const t of [T.Dot, T.LBracket, T.Colon, T.LParen, T.LBrace, T.String, LongString]) STARTS_SUFFIX[t.tokenTypeIdx!] = 1;

// Run-time engine. Chevrotain records the grammar and computes, for every decision (OR,
// OPTION, MANY, AT_LEAST_ONE_SEP), a lookahead function over LA(1) and LA(2). At run time
// the parser replaces Chevrotain's DSL internals (orInternal, ..., subruleInternal,
// consumeInternal) with a table per decision, indexed by the types of LA(1) and LA(2) and
// filled by running Chevrotain's own function on every pair of token types: the same
// choices, one array load each. Rules are called directly: no rule stack, no try/catch,
// since any failure abandons the whole parse (Bail) and the checker reports it.

/** Chevrotain's method kinds in its lookahead keys (keys.js: kind << 8 | occurrence | rule). */
const OR_KIND = 1, OPTION_KIND = 2, MANY_KIND = 3, AT_LEAST_ONE_SEP_KIND = 6;
/** Chevrotain's rule short names: (256 + rule index) << 12. */
const RULE_SHIFT = 12, FIRST_RULE = 256;
/** Token types the scanner produces (categories are never a token's own type). */
const REAL_TYPES: TokenType[] = [...allTokens.filter((t) => t !== BinOp && t !== UnOp), EOF];
const STRIDE = TYPE_COUNT;
const NO_ALT = -1;
/** MATCHES[expected * STRIDE + actual]: 1 if a token of type `actual` matches `expected`. */
const MATCHES = new Uint8Array(STRIDE * STRIDE);
for (const e of [...allTokens, EOF]) {
  for (const a of REAL_TYPES) {
    const hit = a === e || (e.isParent === true && (e.categoryMatchesMap as Record<number, boolean>)[a.tokenTypeIdx!] === true);
    if (hit) MATCHES[e.tokenTypeIdx! * STRIDE + a.tokenTypeIdx!] = 1;
  }
}

/** What the engine reads of a rule Chevrotain's RULE returned. */
interface RuleFn { ruleName: string; originalGrammarAction: (...args: unknown[]) => unknown; base: number }

/** The instance properties Chevrotain's enableRecording sets (its disableRecording's list). */
const RECORDER_KEYS: string[] = ['consume', 'subrule', 'option', 'or', 'many', 'atLeastOne', 'ACTION', 'BACKTRACK', 'LA'];
for (let i = 0; i < 10; i++) {
  const n = i > 0 ? String(i) : '';
  for (const dsl of ['CONSUME', 'SUBRULE', 'OPTION', 'OR', 'MANY', 'MANY_SEP', 'AT_LEAST_ONE', 'AT_LEAST_ONE_SEP']) RECORDER_KEYS.push(dsl + n);
}

export class LuaParser extends EmbeddedActionsParser {
  /** Current C-level count, as lparser.c's nCcalls would be. */
  private depth = 0;
  /** Depth at which Lua raises "C stack overflow". */
  private maxDepth = MAX_C_LEVELS;
  /** Locals declared in the current function and still in scope (lparser.c's actvar.n -
   *  firstlocal); the checker reports the limit with Lua's message and position. */
  private nvars = 0;
  /** Whether each open function is vararg (innermost last). */
  private varargs: boolean[] = [];
  /** Flat operator/operand lists of the expressions being read (innermost on top). */
  // Parallel arrays, one entry per operand or operator: its kind (F_*), the operand, the
  // operator's text and line, and a binary operator's left and right priorities.
  private fKind: number[] = [];
  private fExpr: (A.Expr | null)[] = [];
  private fOp: string[] = [];
  private fLine: number[] = [];
  private fLeft: number[] = [];
  private fRight: number[] = [];
  private flatTop = 0;
  /** Priority limits of the pending subexpr calls (lparser.c's recursion), innermost on top. */
  private lims: number[] = [];
  private limTop = 0;
  private foldPos = 0;
  private foldEnd = 0;

  // Lists (statements, expressions, fields) are gathered on one stack and copied out at
  // their exact length: an array grown by push keeps room for 17 elements, and the AST
  // lives to the end of the parse (the collector copies all of it). Nested lists stack up
  // above the base of the one being read.
  private items: unknown[] = [];
  private itemTop = 0;
  /** The suffixed expression being extended, and the line of its start (for calls). */
  private sfx: A.Expr = null as unknown as A.Expr;
  private sfxLine = 0;

  /** Recent NameExprs by a hash of their name's length and first and last characters, for `nameExpr`. */
  private readonly recent: A.NameExpr[] = new Array<A.NameExpr>(RECENT).fill(NO_NAME);

  private readonly ring: Token[] = Array.from({ length: RING }, newToken);
  private scanner: Scanner | null = null;
  /** Chevrotain's index of the last consumed token (-1 before the first). */
  declare private currIdx: number;
  /** The rule being parsed, as its index << 8 (the high bits of a decision's table index). */
  private ruleBase = 0;
  /** Decision tables by ruleBase | kind << 4 | occurrence, built on first use. */
  private tables: (Int8Array | null)[] = [];

  /**
   * `validate`: run Chevrotain's grammar checks (ambiguities, left recursion...), which
   * cost start-up time and only the grammar's author needs: a spec runs them.
   */
  constructor(validate = false) {
    super(allTokens, {
      recoveryEnabled: false, maxLookahead: AHEAD, skipValidations: !validate,
      lookaheadStrategy: new LazyLookahead(AHEAD),
    });
    this.performSelfAnalysis();
    const shorts = (this as unknown as { fullRuleNameToShort: Record<string, number> }).fullRuleNameToShort;
    let n = 0;
    for (const v of Object.values(this)) {
      if (typeof v !== 'function' || typeof (v as Partial<RuleFn>).ruleName !== 'string') continue;
      const idx = (shorts[(v as RuleFn).ruleName]! >> RULE_SHIFT) - FIRST_RULE;
      (v as RuleFn).base = idx << 8;
      n = Math.max(n, idx + 1);
    }
    this.tables = new Array<Int8Array | null>(n << 8).fill(null);
  }

  /**
   * The table of the decision `kind`/`occ` of the current rule: Chevrotain's lookahead
   * function for it, run on every pair (LA(1), LA(2)) of token types. An OR's entries are
   * the alternative taken (NO_ALT: none); a repetition's or option's are 1 to enter.
   */
  private buildTable(k: number, kind: number, occ: number): Int8Array {
    const cache = (this as unknown as { lookAheadFuncsCache: Map<number, (this: unknown) => unknown> }).lookAheadFuncsCache;
    const f = cache.get(occ | (kind << 8) | (((k >> 8) + FIRST_RULE) << RULE_SHIFT));
    if (f === undefined) throw new Error(`parser: no lookahead for decision ${k}`);
    const t1 = newToken(), t2 = newToken();
    // Whether the function looked at LA(2): if not, one call decides the whole row.
    let second = false;
    const la = (n: number): Token => { if (n === 1) return t1; second = true; return t2; };
    const probe = { lookAheadFuncsCache: cache, LA_FAST: la, LA: la };
    const table = new Int8Array(STRIDE * STRIDE);
    for (const a of REAL_TYPES) {
      t1.tokenType = a; t1.tokenTypeIdx = a.tokenTypeIdx!;
      for (const b of REAL_TYPES) {
        t2.tokenType = b; t2.tokenTypeIdx = b.tokenTypeIdx!;
        second = false;
        const r = f.call(probe);
        const v = kind === OR_KIND ? (r === undefined ? NO_ALT : r as number) : (r === true ? 1 : 0);
        if (!second) {
          table.fill(v, t1.tokenTypeIdx * STRIDE, (t1.tokenTypeIdx + 1) * STRIDE);
          break;
        }
        table[t1.tokenTypeIdx * STRIDE + t2.tokenTypeIdx] = v;
      }
    }
    this.tables[k] = table;
    return table;
  }

  /** The table's entry for the next two tokens. */
  private decide(kind: number, occ: number): number {
    const k = this.ruleBase | (kind << 4) | occ;
    const t = this.tables[k] ?? this.buildTable(k, kind, occ);
    const c = this.currIdx, r = this.ring;
    return t[r[(c + 1) & RING_MASK]!.tokenTypeIdx * STRIDE + r[(c + 2) & RING_MASK]!.tokenTypeIdx]!;
  }

  // Chevrotain's DSL internals, at run time (recording uses its own methods). Every action
  // and rule body of this parser is an arrow function (`this` is bound): they are called
  // directly, not through Function.prototype.call.

  orInternal(alts: IOrAlt<unknown>[] | { DEF: IOrAlt<unknown>[] }, occ: number): unknown {
    const a = this.decide(OR_KIND, occ);
    if (a === NO_ALT) throw BAIL;
    return (Array.isArray(alts) ? alts : alts.DEF)[a]!.ALT();
  }

  optionInternal(action: (() => unknown) | { GATE?: () => boolean; DEF: () => unknown }, occ: number): unknown {
    if (typeof action === 'function') return this.decide(OPTION_KIND, occ) === 1 ? action() : undefined;
    if (action.GATE !== undefined && !action.GATE()) return undefined;
    return this.decide(OPTION_KIND, occ) === 1 ? action.DEF() : undefined;
  }

  manyInternal(occ: number, action: (() => void) | { GATE?: () => boolean; DEF: () => void }): void {
    if (typeof action === 'function') {
      while (this.decide(MANY_KIND, occ) === 1) action();
      return;
    }
    const gate = action.GATE, def = action.DEF;
    while ((gate === undefined || gate()) && this.decide(MANY_KIND, occ) === 1) def();
  }

  atLeastOneSepFirstInternal(occ: number, options: { SEP: TokenType; DEF: () => void }): void {
    if (this.decide(AT_LEAST_ONE_SEP_KIND, occ) !== 1) throw BAIL;
    const def = options.DEF, sep = options.SEP;
    def();
    while (this.matches(this.ring[(this.currIdx + 1) & RING_MASK]!, sep)) {
      this.consumeToken();
      def();
    }
  }

  // The grammar uses no MANY_SEP nor AT_LEAST_ONE: Chevrotain's versions would look up
  // their lookahead by its rule stack, which the engine does not keep.
  manySepFirstInternal(): never { throw new Error('parser: MANY_SEP is not supported by the run-time engine'); }
  atLeastOneInternal(): never { throw new Error('parser: AT_LEAST_ONE is not supported by the run-time engine'); }

  subruleInternal(rule: RuleFn, _idx: number, options?: { ARGS?: unknown[] }): unknown {
    const saved = this.ruleBase;
    this.ruleBase = rule.base;
    const r = options === undefined ? rule.originalGrammarAction()
      : rule.originalGrammarAction.apply(this, options.ARGS ?? []);
    this.ruleBase = saved;
    return r;
  }

  consumeInternal(tt: TokenType, _idx: number): IToken {
    const t = this.ring[(this.currIdx + 1) & RING_MASK]!;
    if (!this.matches(t, tt)) throw BAIL;
    this.consumeToken();
    return t;
  }

  /** Chevrotain's token matching (a category matches its members), by table. */
  private matches(t: IToken, tt: TokenType): boolean {
    return MATCHES[tt.tokenTypeIdx! * STRIDE + t.tokenTypeIdx] === 1;
  }

  /** Chevrotain's hook for storing a lookahead function: lazy stubs learn their key. */
  setLaFuncCache(key: number, value: unknown): void {
    keyStub(key, value);
    (this as unknown as { lookAheadFuncsCache: Map<number, unknown> }).lookAheadFuncsCache.set(key, value);
  }

  /**
   * Chevrotain ends grammar recording by deleting the ~90 recorder methods it put on the
   * instance, a few ms of every start-up. Pointing them back at the prototype's methods is
   * the same behaviour, cheaper, and keeps the instance in fast-properties mode.
   */
  disableRecording(): void {
    this.RECORDING_PHASE = false;
    const self = this as unknown as Record<string, unknown>;
    const proto = LuaParser.prototype as unknown as Record<string, unknown>;
    for (const k of RECORDER_KEYS) self[k] = proto[k];
  }

  protected override LA(howMuch: number): IToken {
    return this.ring[(this.currIdx + howMuch) & RING_MASK]!;
  }

  protected override LA_FAST(howMuch: number): IToken {
    return this.ring[(this.currIdx + howMuch) & RING_MASK]!;
  }

  /** Chevrotain's hook: advance, and read the token that becomes LA(AHEAD). */
  consumeToken(): void {
    const i = ++this.currIdx;
    if (!this.scanner!.next(this.ring[(i + AHEAD) & RING_MASK]!)) throw BAIL;
  }

  /** Parses `source` (file header already stripped) into a chunk, or throws Bail. */
  parseChunk(source: string, chunkName: string, cBase: number): A.Chunk {
    this.input = NO_INPUT;      // resets Chevrotain's state (currIdx = -1, errors)
    const sc = new Scanner(source, true);
    this.scanner = sc;
    for (let k = 0; k < AHEAD; k++) if (!sc.next(this.ring[k]!)) throw BAIL;
    this.depth = cBase;
    this.maxDepth = MAX_C_LEVELS;
    this.varargs.length = 0;
    this.varargs.push(true);
    this.nvars = 0;
    this.flatTop = 0;
    this.limTop = 0;
    this.itemTop = 0;
    this.recent.fill(NO_NAME);
    try {
      const body = this.subruleInternal(this.block as unknown as RuleFn, 0) as A.Block;
      if (this.LA(1).tokenTypeIdx !== EOF.tokenTypeIdx) throw BAIL;
      // At <eof> (the check above): its line is the end of the chunk.
      return { kind: 'Chunk', body, chunkName, endLine: this.LA(1).endLine as number };
    } finally {
      // The parser lives as long as the process: drop what would keep this chunk's source
      // text and AST alive.
      this.scanner = null;
      for (const t of this.ring) { t.image = ''; t.payload = undefined; }
      NO_INPUT.length = 0;
      this.fExpr.length = 0;
      this.sfx = null as unknown as A.Expr;
      this.items.length = 0;
      this.recent.fill(NO_NAME);
    }
  }

  private push(x: unknown): void {
    this.items[this.itemTop++] = x;
  }

  /** The items pushed since `base`, as an array of their exact length. */
  private take<X>(base: number): X[] {
    const n = this.itemTop - base, it = this.items;
    // Short lists (most of them) as literals: cheaper than a call of slice.
    const list = (n === 1 ? [it[base]] : n === 2 ? [it[base], it[base + 1]] : n === 3 ? [it[base], it[base + 1], it[base + 2]]
      : n === 0 ? EMPTY : it.slice(base, this.itemTop)) as X[];
    this.itemTop = base;
    return list;
  }

  /**
   * A NameExpr for `name` on `line`, also used as an A.Name (the same fields). A name used
   * again on the same line gets the node made for its last use there (nodes are never
   * written: ast.ts), one object fewer to keep: lines repeat their names (`i = i + 1`,
   * `t[k] = t[k] .. k`, `function (x) return x * x end`). One probe of a direct-mapped
   * table: scanning a few recent nodes instead cost the official suite 10% more instructions.
   */
  private nameExpr(name: string, line: number): A.NameExpr {
    const n = name.length;
    const k = (n * 7 + name.charCodeAt(0) * 3 + name.charCodeAt(n - 1)) & (RECENT - 1);
    const old = this.recent[k]!;
    if (old.line === line && old.name === name) return old;
    const e: A.NameExpr = { kind: 'Name', line, name };
    this.recent[k] = e;
    return e;
  }

  /** Links the statements pushed since `base` (each to the next) and returns the first. */
  private link(base: number): A.Block {
    const it = this.items, top = this.itemTop;
    this.itemTop = base;
    if (top === base || this.RECORDING_PHASE) return null;
    for (let j = base + 1; j < top; j++) (it[j - 1] as A.Stat).next = it[j] as A.Stat;
    return it[base] as A.Stat;
  }

  /** The items pushed since `base` as an A.List: one item is itself, others an array. */
  private takeList<X>(base: number): A.List<X> {
    if (this.itemTop - base === 1) { this.itemTop = base; return this.items[base] as X; }
    return this.take<X>(base);
  }

  private enter(): void {
    if (++this.depth >= this.maxDepth) throw BAIL;
  }

  private addVars(n: number): void {
    if ((this.nvars += n) > MAX_VARS) throw BAIL;
  }

  /** Line of the current token (`<eof>` carries the line of the end of input). */
  private curLine(): number {
    return this.LA(1).endLine as number;
  }

  // ------------------------------------------------------------ blocks and statements

  /** A block's statements, linked (ast.ts); its caller takes the line of the token ending it. */
  private block = this.RULE('block', (): A.Block => {
    const base = this.itemTop;
    const savedVars = this.nvars;
    this.MANY(this.blockItem);
    this.OPTION(this.blockReturn);
    this.nvars = savedVars;
    return this.link(base);
  });

  private blockItem = (): void => {
    const s = this.SUBRULE(this.statement);
    if (s !== null) this.push(s);
  };

  private blockReturn = (): void => {
    this.push(this.SUBRULE(this.retstat));
  };

  private statAlts = [
    { ALT: () => { this.CONSUME(T.Semi); return null; } },
    { ALT: () => this.SUBRULE(this.ifStat) },
    { ALT: () => this.SUBRULE(this.whileStat) },
    { ALT: () => this.SUBRULE(this.doStat) },
    { ALT: () => this.SUBRULE(this.forStat) },
    { ALT: () => this.SUBRULE(this.repeatStat) },
    { ALT: () => this.SUBRULE(this.functionStat) },
    { ALT: () => this.SUBRULE(this.localStat) },
    { ALT: () => this.SUBRULE(this.labelStat) },
    { ALT: () => this.SUBRULE(this.breakStat) },
    { ALT: () => this.SUBRULE(this.gotoStat) },
    { ALT: () => this.exprStat() },
  ];

  private statement = this.RULE('statement', (): A.Stat | null => {
    if (!this.RECORDING_PHASE) this.enter();
    const s = this.OR(this.statAlts) as A.Stat | null;
    this.depth--;
    return s;
  });

  /** Call or assignment; part of the statement rule (saves a rule invocation per statement). */
  private exprStat(): A.Stat {
    const line = this.RECORDING_PHASE ? 0 : this.curLine();
    const first = this.SUBRULE(this.suffixedExp);
    const base = this.itemTop;
    this.push(first);
    const saved = this.depth;
    const values = this.OPTION(this.assignRest) as A.ExprList | undefined;
    if (this.RECORDING_PHASE) return null as unknown as A.Stat;
    this.depth = saved;
    if (values !== undefined) {
      for (let j = base; j < this.itemTop; j++) {
        const k = (this.items[j] as A.Expr).kind;
        if (k !== 'Name' && k !== 'Index' && k !== 'Field') throw BAIL;
      }
      const targets = this.takeList<A.Target>(base);
      return { kind: 'Assign', line, next: null, targets, values };
    }
    this.itemTop = base;
    if (first.kind !== 'Call' && first.kind !== 'MethodCall') throw BAIL;
    return { kind: 'CallStat', line, next: null, call: first };
  }

  /** `{, target} = explist` after the first target (which is on the item stack). */
  private assignRest = (): A.ExprList => {
    this.MANY(this.assignTarget);
    this.CONSUME(T.Assign);
    return this.SUBRULE(this.explist);
  };

  private assignTarget = (): void => {
    this.CONSUME(T.Comma);
    this.push(this.SUBRULE2(this.suffixedExp));
    if (!this.RECORDING_PHASE) this.enter();   // restassign's enterlevel
  };

  private retstat = this.RULE('retstat', (): A.ReturnStat => {
    if (!this.RECORDING_PHASE) this.enter();
    const line = lineOf(this.CONSUME(KW.return));
    const values = (this.OPTION(this.retValues) as A.ExprList | undefined) ?? EMPTY;
    this.OPTION2(this.retSemi);
    this.depth--;
    return { kind: 'Return', line, next: null, values };
  });

  private retValues = (): A.ExprList => this.SUBRULE(this.explist);
  private retSemi = (): void => { this.CONSUME(T.Semi); };

  private ifStat = this.RULE('ifStat', (): A.IfStat => {
    const line = lineOf(this.CONSUME(KW.if));
    const cond = this.SUBRULE(this.expr);
    const thenLine = lineOf(this.CONSUME(KW.then));
    const body = this.SUBRULE(this.block);
    const base = this.itemTop;
    this.push({ cond, body, line, thenLine, endLine: this.RECORDING_PHASE ? 0 : this.curLine() });
    this.MANY(this.elseifClause);
    const clauses = this.takeList<A.IfClause>(base);
    // OPTION gives undefined when there is no `else`; an empty else block is null
    const elseBody = this.OPTION(this.elseClause) as A.Block | undefined;
    const hasElse = elseBody !== undefined;
    const orelse = elseBody ?? null;
    const endLine = lineOf(this.CONSUME(KW.end));
    return { kind: 'If', line, next: null, clauses, hasElse, orelse, endLine };
  });

  private elseifClause = (): void => {
    const line = lineOf(this.CONSUME(KW.elseif));
    const cond = this.SUBRULE2(this.expr);
    const thenLine = lineOf(this.CONSUME2(KW.then));
    const body = this.SUBRULE2(this.block);
    this.push({ cond, body, line, thenLine, endLine: this.RECORDING_PHASE ? 0 : this.curLine() });
  };

  private elseClause = (): A.Block => {
    this.CONSUME(KW.else);
    return this.SUBRULE3(this.block);
  };

  private whileStat = this.RULE('whileStat', (): A.WhileStat => {
    const line = lineOf(this.CONSUME(KW.while));
    const cond = this.SUBRULE(this.expr);
    this.CONSUME(KW.do);
    const body = this.SUBRULE(this.block);
    const endLine = lineOf(this.CONSUME(KW.end));
    return { kind: 'While', line, next: null, cond, body, endLine };
  });

  private doStat = this.RULE('doStat', (): A.DoStat => {
    const line = lineOf(this.CONSUME(KW.do));
    const body = this.SUBRULE(this.block);
    const endLine = lineOf(this.CONSUME(KW.end));
    return { kind: 'Do', line, next: null, body, endLine };
  });

  // Alternatives shared by all calls take what they need of the statement's start from
  // these fields before parsing anything nested (which reuses them).
  private stLine = 0;
  private forVar = '';
  private forLine = 0;

  private forStat = this.RULE('forStat', (): A.Stat => {
    this.stLine = lineOf(this.CONSUME(KW.for));
    const first = this.CONSUME(T.Name);
    this.forVar = first.image;
    this.forLine = lineOf(first);
    return this.OR(this.forAlts) as A.Stat;
  });

  private forAlts = [
    {
      ALT: (): A.NumericForStat => {
        const line = this.stLine, varName = this.forVar, varLine = this.forLine;
        this.CONSUME(T.Assign);
        const start = this.SUBRULE(this.expr);
        this.CONSUME(T.Comma);
        const limit = this.SUBRULE2(this.expr);
        const step = (this.OPTION(this.forStep) as A.Expr | undefined) ?? null;
        this.CONSUME(KW.do);
        const savedVars = this.nvars;
        if (!this.RECORDING_PHASE) this.addVars(4);
        const body = this.SUBRULE(this.block);
        this.nvars = savedVars;
        const endLine = lineOf(this.CONSUME(KW.end));
        return { kind: 'NumericFor', line, next: null, varName, varLine, start, limit, step, body, endLine };
      },
    },
    {
      ALT: (): A.GenericForStat => {
        const line = this.stLine;
        const base = this.itemTop;
        this.push(this.nameExpr(this.forVar, this.forLine));
        this.MANY(this.forName);
        const n = this.itemTop - base;
        const names = this.takeList<A.Name>(base);
        this.CONSUME(KW.in);
        const exprs = this.SUBRULE(this.explist);
        this.CONSUME2(KW.do);
        const savedVars = this.nvars;
        if (!this.RECORDING_PHASE) this.addVars(4 + n);
        const body = this.SUBRULE2(this.block);
        this.nvars = savedVars;
        const endLine = lineOf(this.CONSUME2(KW.end));
        return { kind: 'GenericFor', line, next: null, names, exprs, body, endLine };
      },
    },
  ];

  private forStep = (): A.Expr => {
    this.CONSUME2(T.Comma);
    return this.SUBRULE3(this.expr);
  };

  private forName = (): void => {
    this.CONSUME3(T.Comma);
    const n = this.CONSUME2(T.Name);
    this.push(this.nameExpr(n.image, lineOf(n)));
  };

  private repeatStat = this.RULE('repeatStat', (): A.RepeatStat => {
    const line = lineOf(this.CONSUME(KW.repeat));
    const body = this.SUBRULE(this.block);
    const endLine = lineOf(this.CONSUME(KW.until));
    const cond = this.SUBRULE(this.expr);
    return { kind: 'Repeat', line, next: null, body, endLine, cond };
  });

  private functionStat = this.RULE('functionStat', (): A.FunctionStat => {
    const line = lineOf(this.CONSUME(KW.function));
    const n = this.CONSUME(T.Name);
    const base = this.itemTop;
    this.push(this.nameExpr(n.image, lineOf(n)));
    this.MANY(this.pathKey);
    const path = this.take<A.Name>(base);
    const method = (this.OPTION(this.methodName) as string | undefined) ?? null;
    this.fbLine = line;
    this.fbMethod = method !== null;
    const func = this.SUBRULE(this.funcBody);
    return { kind: 'FunctionStat', line, next: null, path, method, func };
  });

  private pathKey = (): void => {
    this.CONSUME(T.Dot);
    const k = this.CONSUME2(T.Name);
    this.push(this.nameExpr(k.image, lineOf(k)));
  };

  private methodName = (): string => {
    this.CONSUME(T.Colon);
    return this.CONSUME3(T.Name).image;
  };

  private localStat = this.RULE('localStat', (): A.Stat => {
    this.stLine = lineOf(this.CONSUME(KW.local));
    return this.OR(this.localAlts) as A.Stat;
  });

  private localAlts = [
    {
      ALT: (): A.LocalFunctionStat => {
        const line = this.stLine;
        this.CONSUME(KW.function);
        const n = this.CONSUME(T.Name);
        const name = n.image, nameLine = lineOf(n);
        if (!this.RECORDING_PHASE) this.addVars(1);
        // lparser.c: the function's line is the token after the name.
        this.fbLine = this.RECORDING_PHASE ? 0 : this.curLine();
        this.fbMethod = false;
        const func = this.SUBRULE(this.funcBody);
        return { kind: 'LocalFunction', line, next: null, name, nameLine, func };
      },
    },
    {
      ALT: (): A.LocalStat => {
        const line = this.stLine;
        const base = this.itemTop;
        this.closes = 0;
        this.attribCount = 0;
        this.AT_LEAST_ONE_SEP(this.localNameOpts);
        // The stack holds name, attribute, name, attribute...
        const k = (this.itemTop - base) >> 1;
        let names: A.List<A.Name>;
        if (k === 1) {
          names = this.items[base] as A.Name;
        } else {
          names = new Array<A.Name>(k);
          for (let j = 0; j < k; j++) names[j] = this.items[base + 2 * j] as A.Name;
        }
        let attribs: A.LocalAttrib[];
        if (this.attribCount === 0) {
          attribs = noAttribs(k);
        } else {
          attribs = new Array<A.LocalAttrib>(k);
          for (let j = 0; j < k; j++) attribs[j] = this.items[base + 2 * j + 1] as A.LocalAttrib;
        }
        this.itemTop = base;
        const values = (this.OPTION2(this.localValues) as A.ExprList | undefined) ?? EMPTY;
        return { kind: 'Local', line, next: null, names, attribs, values };
      },
    },
  ];

  /** `<close>` attributes in the local statement being read (Lua allows one). */
  private closes = 0;
  /** Attributes of any kind in the local statement being read. */
  private attribCount = 0;

  private localNameOpts = {
    SEP: T.Comma,
    DEF: (): void => {
      const n = this.CONSUME2(T.Name);
      this.push(this.nameExpr(n.image, lineOf(n)));
      if (!this.RECORDING_PHASE) this.addVars(1);
      this.push((this.OPTION(this.localAttrib) as A.LocalAttrib | undefined) ?? null);
    },
  };

  private localAttrib = (): A.LocalAttrib => {
    this.CONSUME(T.Lt);
    const a = this.CONSUME3(T.Name).image;
    this.CONSUME(T.Gt);
    if (this.RECORDING_PHASE) return null;
    this.attribCount++;
    if (a === 'const') return 'const';
    if (a === 'close') { if (++this.closes > 1) throw BAIL; return 'close'; }
    throw BAIL;
  };

  private localValues = (): A.ExprList => {
    this.CONSUME(T.Assign);
    return this.SUBRULE(this.explist);
  };

  private labelStat = this.RULE('labelStat', (): A.LabelStat => {
    const line = lineOf(this.CONSUME(T.DbColon));
    const label = this.CONSUME(T.Name).image;
    this.CONSUME2(T.DbColon);
    return { kind: 'Label', line, next: null, label };
  });

  private breakStat = this.RULE('breakStat', (): A.BreakStat => {
    return { kind: 'Break', line: lineOf(this.CONSUME(KW.break)), next: null };
  });

  private gotoStat = this.RULE('gotoStat', (): A.GotoStat => {
    this.CONSUME(KW.goto);
    const n = this.CONSUME(T.Name);
    return { kind: 'Goto', line: lineOf(n), next: null, label: n.image };
  });

  // ------------------------------------------------------------ functions

  /** funcBody's arguments, set just before each call: its line, whether it is a method. */
  private fbLine = 0;
  private fbMethod = false;
  /** The parameter list being read ends with '...'. */
  private isVararg = false;

  private funcBody = this.RULE('funcBody', (): A.FunctionExpr => {
    const line = this.fbLine, isMethod = this.fbMethod;
    this.CONSUME(T.LParen);
    const base = this.itemTop;
    if (isMethod) this.push(this.nameExpr('self', line));
    this.isVararg = false;
    this.OPTION(this.paramList);
    const isVararg = this.isVararg;
    const n = this.itemTop - base;
    const params = this.takeList<A.Name>(base);
    this.CONSUME(T.RParen);
    const outerVars = this.nvars;
    if (!this.RECORDING_PHASE) {
      this.varargs.push(isVararg);
      this.nvars = 0;
      this.addVars(n);
    }
    const body = this.SUBRULE(this.block);
    const endLine = lineOf(this.CONSUME(KW.end));
    this.varargs.pop();
    this.nvars = outerVars;
    return { kind: 'Function', line, endLine, params, isVararg, body };
  });

  private paramList = (): void => { this.OR(this.paramAlts); };

  private paramAlts = [
    {
      ALT: (): void => {
        const n = this.CONSUME(T.Name);
        this.push(this.nameExpr(n.image, lineOf(n)));
        // lparser.c stops the list at '...': a ',' after it is an error.
        this.MANY(this.moreParams);
      },
    },
    { ALT: (): void => { this.CONSUME2(T.Dots); this.isVararg = true; } },
  ];

  private moreParams = { GATE: (): boolean => !this.isVararg, DEF: (): void => {
    this.CONSUME(T.Comma);
    this.OR2(this.paramAlts2);
  } };

  private paramAlts2 = [
    { ALT: (): void => { const k = this.CONSUME2(T.Name); this.push(this.nameExpr(k.image, lineOf(k))); } },
    { ALT: (): void => { this.CONSUME(T.Dots); this.isVararg = true; } },
  ];

  // ------------------------------------------------------------ expressions

  private explistOpts = { SEP: T.Comma, DEF: (): void => { this.push(this.SUBRULE(this.expr)); } };

  private explist = this.RULE('explist', (): A.ExprList => {
    const base = this.itemTop;
    this.AT_LEAST_ONE_SEP(this.explistOpts);
    return this.takeList<A.Expr>(base);
  });

  /**
   * expr: a flat list of operands (each with its unary prefixes) separated by binary
   * operators, folded by priority afterwards. While reading, `lims` mirrors lparser.c's
   * pending subexpr calls so that `depth` is exactly Lua's C-level count at every operand.
   * The list is one AT_LEAST_ONE_SEP over the BinOp category: a single operand occurrence
   * keeps the recorded grammar (and start-up analysis) small; the operator just consumed
   * as separator is LA(0).
   */
  private expr = this.RULE('expr', (): A.Expr => {
    const rec = this.RECORDING_PHASE;
    const savedDepth = this.depth;
    const flatBase = this.flatTop;
    const limBase = this.limTop;
    if (!rec) { this.enter(); this.lims[this.limTop++] = 0; }
    this.opFirst = true;
    this.AT_LEAST_ONE_SEP(this.exprOpts);
    if (rec) return null as unknown as A.Expr;
    this.foldPos = flatBase;
    this.foldEnd = this.flatTop;
    const e = this.fold(0);
    this.flatTop = flatBase;
    this.limTop = limBase;
    this.depth = savedDepth;
    return e;
  });

  /** True until the first operand of the innermost expr has started. */
  private opFirst = false;

  private exprOpts = {
    SEP: BinOp,
    DEF: (): void => {
      if (this.opFirst) {
        this.opFirst = false;
      } else if (!this.RECORDING_PHASE) {
        const t = this.LA(0);
        const ty = t.tokenTypeIdx;
        const left = LEFT_PRIORITY[ty]!, right = RIGHT_PRIORITY[ty]!;
        // Calls whose limit is not below this operator return (lparser.c's loop ends).
        while (this.lims[this.limTop - 1]! >= left) { this.limTop--; this.depth--; }
        this.lims[this.limTop++] = right;
        this.enter();
        const k = this.flatTop++;
        this.fKind[k] = F_BINARY;
        this.fExpr[k] = null;
        this.fOp[k] = t.image;
        this.fLine[k] = lineOf(t);
        this.fLeft[k] = left;
        this.fRight[k] = right;
      }
      if (this.RECORDING_PHASE || STARTS_UNARY[this.LA(1).tokenTypeIdx] === 1) this.MANY(this.unaryFn);
      const e = this.OR(this.simpleAlts);
      if (!this.RECORDING_PHASE) {
        const k = this.flatTop++;
        this.fKind[k] = F_OPERAND;
        this.fExpr[k] = e;
      }
    },
  };

  private unaryFn = (): void => {
    const t = this.CONSUME(UnOp);
    if (!this.RECORDING_PHASE) {
      this.lims[this.limTop++] = UNARY_PRIORITY;
      this.enter();
      const k = this.flatTop++;
      this.fKind[k] = F_UNARY;
      this.fExpr[k] = null;
      this.fOp[k] = t.image;
      this.fLine[k] = lineOf(t);
    }
  };

  /** Precedence climbing over `flat`, exactly as lparser.c's subexpr nests. */
  private fold(limit: number): A.Expr {
    const k = this.foldPos++;
    let v: A.Expr;
    if (this.fKind[k] === F_UNARY) {
      v = { kind: 'Unary', line: this.fLine[k]!, op: this.fOp[k] as A.UnaryOp, operand: this.fold(UNARY_PRIORITY) };
    } else {
      v = this.fExpr[k]!;
    }
    while (this.foldPos < this.foldEnd) {
      const b = this.foldPos;
      if (this.fLeft[b]! <= limit) break;
      this.foldPos++;
      const right = this.fold(this.fRight[b]!);
      v = { kind: 'Binary', line: this.fLine[b]!, op: this.fOp[b] as A.BinaryOp, left: v, right };
    }
    return v;
  }

  private simpleAlts = [
    {
      ALT: (): A.Expr => {
        const t = this.CONSUME(T.Number);
        const p = t.payload as bigint | number;
        return typeof p === 'bigint'
          ? { kind: 'Int', line: lineOf(t), value: p }
          : { kind: 'Float', line: lineOf(t), value: p };
      },
    },
    { ALT: (): A.Expr => { const t = this.CONSUME(T.String); return { kind: 'String', line: lineOf(t), value: t.payload as string }; } },
    { ALT: (): A.Expr => ({ kind: 'Nil', line: lineOf(this.CONSUME(KW.nil)) }) },
    { ALT: (): A.Expr => ({ kind: 'True', line: lineOf(this.CONSUME(KW.true)) }) },
    { ALT: (): A.Expr => ({ kind: 'False', line: lineOf(this.CONSUME(KW.false)) }) },
    {
      ALT: (): A.Expr => {
        const t = this.CONSUME(T.Dots);
        if (!this.RECORDING_PHASE && !this.varargs[this.varargs.length - 1]) throw BAIL;
        return { kind: 'Vararg', line: lineOf(t) };
      },
    },
    { ALT: (): A.Expr => this.SUBRULE(this.table) },
    {
      ALT: (): A.Expr => {
        this.CONSUME(KW.function);
        // lparser.c: an anonymous function's line is that of the token after `function`.
        this.fbLine = this.RECORDING_PHASE ? 0 : this.curLine();
        this.fbMethod = false;
        return this.SUBRULE(this.funcBody);
      },
    },
    { ALT: (): A.Expr => this.suffixed() },
  ];

  /**
   * primaryexp { suffix }: inlined in expr (no rule call per operand) and the body of the
   * suffixedExp rule. Its DSL occurrence indices (1-3) differ from expr's own (0).
   */
  private suffixed(): A.Expr {
    const e = this.OR1(this.primaryAlts);
    this.sfx = e;
    // The primary's line (its name, or its '(') is where the suffixed expression starts.
    this.sfxLine = this.RECORDING_PHASE ? 0 : e.line;
    if (this.RECORDING_PHASE || STARTS_SUFFIX[this.LA(1).tokenTypeIdx] === 1) this.MANY1(this.suffixFn);
    return this.sfx;
  }

  private primaryAlts = [
    { ALT: (): A.Expr => { const t = this.CONSUME1(T.Name); return this.nameExpr(t.image, lineOf(t)); } },
    {
      ALT: (): A.Expr => {
        const line = lineOf(this.CONSUME1(T.LParen));
        const expr = this.SUBRULE1(this.expr);
        this.CONSUME1(T.RParen);
        return { kind: 'Paren', line, expr };
      },
    },
  ];

  // Each suffix reads the expression so far and the start line before parsing anything
  // nested (which reuses the fields), then stores both back.
  private suffixAlts = [
    {
      ALT: (): void => {
        const e = this.sfx, line = this.sfxLine;
        this.CONSUME1(T.Dot);
        const n = this.CONSUME2(T.Name);
        this.sfx = { kind: 'Field', line: lineOf(n), obj: e, name: n.image };
        this.sfxLine = line;
      },
    },
    {
      ALT: (): void => {
        const e = this.sfx, line = this.sfxLine;
        this.CONSUME1(T.LBracket);
        const key = this.SUBRULE2(this.expr);
        const l = lineOf(this.CONSUME1(T.RBracket));
        this.sfx = { kind: 'Index', line: l, obj: e, key };
        this.sfxLine = line;
      },
    },
    {
      ALT: (): void => {
        const e = this.sfx, line = this.sfxLine;
        this.CONSUME1(T.Colon);
        const name = this.CONSUME3(T.Name).image;
        const args = this.SUBRULE1(this.args);
        this.sfx = { kind: 'MethodCall', line, obj: e, name, args };
        this.sfxLine = line;
      },
    },
    {
      ALT: (): void => {
        const e = this.sfx, line = this.sfxLine;
        const args = this.SUBRULE2(this.args);
        this.sfx = { kind: 'Call', line, fn: e, args };
        this.sfxLine = line;
      },
    },
  ];

  private suffixFn = (): void => { this.OR2(this.suffixAlts); };

  private suffixedExp = this.RULE('suffixedExp', (): A.Expr => this.suffixed());

  private argsAlts = [
    {
      ALT: (): A.ExprList => {
        this.CONSUME(T.LParen);
        const list = (this.OPTION(this.argList) as A.ExprList | undefined) ?? EMPTY;
        this.CONSUME(T.RParen);
        return list;
      },
    },
    { ALT: (): A.ExprList => this.SUBRULE(this.table) },
    { ALT: (): A.ExprList => { const t = this.CONSUME(T.String); return { kind: 'String', line: lineOf(t), value: t.payload as string }; } },
  ];

  private argList = (): A.ExprList => this.SUBRULE(this.explist);

  private args = this.RULE('args', (): A.ExprList => this.OR(this.argsAlts));

  private sepAlts = [{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semi) }];
  private sepAlts2 = [{ ALT: () => this.CONSUME2(T.Comma) }, { ALT: () => this.CONSUME2(T.Semi) }];

  private tableItem = (): void => {
    this.OR(this.sepAlts);
    this.push(this.SUBRULE2(this.field));
  };

  private tableBody = (): void => {
    this.push(this.SUBRULE(this.field));
    this.MANY(this.tableItem);
    this.OPTION2(this.tableSep);
  };

  private tableSep = (): void => { this.OR2(this.sepAlts2); };

  private table = this.RULE('table', (): A.TableExpr => {
    const line = lineOf(this.CONSUME(T.LBrace));
    const base = this.itemTop;
    this.OPTION(this.tableBody);
    const fields = this.take<A.TableField>(base);
    const endLine = lineOf(this.CONSUME(T.RBrace));
    return { kind: 'Table', line, endLine, fields };
  });

  private fieldAlts = [
    {
      ALT: (): A.TableField => {
        const n = this.CONSUME(T.Name);
        const name = n.image, line = lineOf(n);
        this.CONSUME(T.Assign);
        const value = this.SUBRULE(this.expr);
        return { kind: 'Named', name, value, line };
      },
    },
    {
      ALT: (): A.TableField => {
        const line = lineOf(this.CONSUME(T.LBracket));
        const key = this.SUBRULE2(this.expr);
        this.CONSUME(T.RBracket);
        this.CONSUME2(T.Assign);
        const value = this.SUBRULE3(this.expr);
        return { kind: 'Keyed', key, value, line };
      },
    },
    { ALT: (): A.TableField => this.SUBRULE4(this.expr) },
  ];

  private field = this.RULE('field', (): A.TableField => this.OR(this.fieldAlts));
}

let parser: LuaParser | null = null;
export let parserBuildMs = 0;

export function getParser(): LuaParser {
  if (parser === null) {
    const t0 = performance.now();
    parser = new LuaParser();
    parserBuildMs = performance.now() - t0;
  }
  return parser;
}
