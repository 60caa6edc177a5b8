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

import type { IToken } from 'chevrotain';
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

interface UnaryItem { u: A.UnaryOp; line: number }
interface BinaryItem { b: A.BinaryOp; line: number; left: number; right: number }
type Item = A.Expr | UnaryItem | BinaryItem;

function lineOf(t: IToken): number { return t.endLine as number; }

/** Ring of token objects: LA(0) (the token just consumed), LA(1), LA(2) and slack. */
const RING = 8;
const RING_MASK = RING - 1;
/** Tokens read ahead of the current one (the parser's maxLookahead). */
const AHEAD = 2;
const NO_INPUT: IToken[] = [];

// Tokens that can start a repetition the parser enters at almost every operand: when the
// next token is none of them the repetition would run zero times, so the parser skips the
// call (and its lookahead machinery) altogether. The grammar is still recorded in full.
const TYPE_COUNT = Math.max(EOF.tokenTypeIdx!, ...allTokens.map((t) => t.tokenTypeIdx!)) + 1;
const STARTS_UNARY = new Uint8Array(TYPE_COUNT);
const STARTS_SUFFIX = new Uint8Array(TYPE_COUNT);
for (const t of allTokens) if (t.CATEGORIES?.includes(UnOp)) STARTS_UNARY[t.tokenTypeIdx!] = 1;
for (const t of [T.Dot, T.LBracket, T.Colon, T.LParen, T.LBrace, T.String, LongString]) STARTS_SUFFIX[t.tokenTypeIdx!] = 1;

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
  private flat: Item[] = [];
  private flatTop = 0;
  /** Priority limits of the pending subexpr calls (lparser.c's recursion), innermost on top. */
  private lims: number[] = [];
  private limTop = 0;
  private foldPos = 0;
  private foldEnd = 0;

  // Hot grammar loops take their callbacks from these fields instead of fresh closures: the
  // list being filled is kept in a field, saved and restored around nested uses.
  private curStats: A.Stat[] = [];
  private curList: A.Expr[] = [];
  private curFields: A.TableField[] = [];
  /** The suffixed expression being extended, and the line of its start (for calls). */
  private sfx: A.Expr = null as unknown as A.Expr;
  private sfxLine = 0;

  private readonly ring: Token[] = Array.from({ length: RING }, newToken);
  private scanner: Scanner | null = null;
  /** Chevrotain's index of the last consumed token (-1 before the first). */
  declare private currIdx: number;

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
    const sc = new Scanner(source);
    this.scanner = sc;
    for (let k = 0; k < AHEAD; k++) if (!sc.next(this.ring[k]!)) throw BAIL;
    this.depth = cBase;
    this.maxDepth = MAX_C_LEVELS;
    this.varargs.length = 0;
    this.varargs.push(true);
    this.nvars = 0;
    this.flatTop = 0;
    this.limTop = 0;
    try {
      const body = this.block();
      if (this.errors.length > 0) throw BAIL;
      // At <eof> (the check above): its line is the end of the chunk.
      return { kind: 'Chunk', body, chunkName, endLine: this.LA(1).endLine as number };
    } finally {
      // The parser lives as long as the process: drop what would keep this chunk's source
      // text and AST alive.
      this.scanner = null;
      for (const t of this.ring) { t.image = ''; t.payload = undefined; }
      NO_INPUT.length = 0;
      this.flat.length = 0;
      this.sfx = null as unknown as A.Expr;
      this.curStats = [];
      this.curList = [];
      this.curFields = [];
    }
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

  private block = this.RULE('block', (): A.Block => {
    const rec = this.RECORDING_PHASE;
    const line = rec ? 0 : this.curLine();
    const saved = this.curStats;
    const savedVars = this.nvars;
    const stats: A.Stat[] = [];
    this.curStats = stats;
    this.MANY(this.blockItem);
    this.OPTION(this.blockReturn);
    this.curStats = saved;
    this.nvars = savedVars;
    return { stats, line, endLine: rec ? 0 : this.curLine() };
  });

  private blockItem = (): void => {
    const s = this.SUBRULE(this.statement);
    if (s !== null) this.curStats.push(s);
  };

  private blockReturn = (): void => {
    this.curStats.push(this.SUBRULE(this.retstat));
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
    const targets: A.Expr[] = [first];
    const saved = this.depth;
    let values: A.Expr[] | null = null;
    this.OPTION(() => {
      this.MANY(() => {
        this.CONSUME(T.Comma);
        targets.push(this.SUBRULE2(this.suffixedExp));
        if (!this.RECORDING_PHASE) this.enter();   // restassign's enterlevel
      });
      this.CONSUME(T.Assign);
      values = this.SUBRULE(this.explist);
    });
    if (this.RECORDING_PHASE) return null as unknown as A.Stat;
    this.depth = saved;
    if (values !== null) {
      for (const t of targets) if (t.kind !== 'Name' && t.kind !== 'Index') throw BAIL;
      return { kind: 'Assign', line, targets: targets as (A.NameExpr | A.IndexExpr)[], values };
    }
    if (first.kind !== 'Call' && first.kind !== 'MethodCall') throw BAIL;
    return { kind: 'CallStat', line, call: first };
  }

  private retstat = this.RULE('retstat', (): A.ReturnStat => {
    if (!this.RECORDING_PHASE) this.enter();
    const line = lineOf(this.CONSUME(KW.return));
    let values: A.Expr[] = [];
    this.OPTION(() => { values = this.SUBRULE(this.explist); });
    this.OPTION2(() => { this.CONSUME(T.Semi); });
    this.depth--;
    return { kind: 'Return', line, values };
  });

  private ifStat = this.RULE('ifStat', (): A.IfStat => {
    const line = lineOf(this.CONSUME(KW.if));
    const clauses: A.IfStat['clauses'] = [];
    let cond = this.SUBRULE(this.expr);
    let thenLine = lineOf(this.CONSUME(KW.then));
    let body = this.SUBRULE(this.block);
    clauses.push({ cond, body, line, thenLine });
    this.MANY(() => {
      const l = lineOf(this.CONSUME(KW.elseif));
      cond = this.SUBRULE2(this.expr);
      thenLine = lineOf(this.CONSUME2(KW.then));
      body = this.SUBRULE2(this.block);
      clauses.push({ cond, body, line: l, thenLine });
    });
    let orelse: A.Block | null = null;
    this.OPTION(() => {
      this.CONSUME(KW.else);
      orelse = this.SUBRULE3(this.block);
    });
    this.CONSUME(KW.end);
    return { kind: 'If', line, clauses, orelse };
  });

  private whileStat = this.RULE('whileStat', (): A.WhileStat => {
    const line = lineOf(this.CONSUME(KW.while));
    const cond = this.SUBRULE(this.expr);
    this.CONSUME(KW.do);
    const body = this.SUBRULE(this.block);
    this.CONSUME(KW.end);
    return { kind: 'While', line, cond, body };
  });

  private doStat = this.RULE('doStat', (): A.DoStat => {
    const line = lineOf(this.CONSUME(KW.do));
    const body = this.SUBRULE(this.block);
    this.CONSUME(KW.end);
    return { kind: 'Do', line, body };
  });

  private forStat = this.RULE('forStat', (): A.Stat => {
    const line = lineOf(this.CONSUME(KW.for));
    const first = this.CONSUME(T.Name);
    const v: A.Name = { name: first.image, line: lineOf(first) };
    return this.OR([
      {
        ALT: (): A.NumericForStat => {
          this.CONSUME(T.Assign);
          const start = this.SUBRULE(this.expr);
          this.CONSUME(T.Comma);
          const limit = this.SUBRULE2(this.expr);
          let step: A.Expr | null = null;
          this.OPTION(() => {
            this.CONSUME2(T.Comma);
            step = this.SUBRULE3(this.expr);
          });
          this.CONSUME(KW.do);
          const savedVars = this.nvars;
          if (!this.RECORDING_PHASE) this.addVars(4);
          const body = this.SUBRULE(this.block);
          this.nvars = savedVars;
          this.CONSUME(KW.end);
          return { kind: 'NumericFor', line, var: v, start, limit, step, body };
        },
      },
      {
        ALT: (): A.GenericForStat => {
          const names: A.Name[] = [v];
          this.MANY(() => {
            this.CONSUME3(T.Comma);
            const n = this.CONSUME2(T.Name);
            names.push({ name: n.image, line: lineOf(n) });
          });
          this.CONSUME(KW.in);
          const exprs = this.SUBRULE(this.explist);
          this.CONSUME2(KW.do);
          const savedVars = this.nvars;
          if (!this.RECORDING_PHASE) this.addVars(4 + names.length);
          const body = this.SUBRULE2(this.block);
          this.nvars = savedVars;
          this.CONSUME2(KW.end);
          return { kind: 'GenericFor', line, names, exprs, body };
        },
      },
    ]);
  });

  private repeatStat = this.RULE('repeatStat', (): A.RepeatStat => {
    const line = lineOf(this.CONSUME(KW.repeat));
    const body = this.SUBRULE(this.block);
    this.CONSUME(KW.until);
    const cond = this.SUBRULE(this.expr);
    return { kind: 'Repeat', line, body, cond };
  });

  private functionStat = this.RULE('functionStat', (): A.FunctionStat => {
    const line = lineOf(this.CONSUME(KW.function));
    const n = this.CONSUME(T.Name);
    const path: A.Name[] = [{ name: n.image, line: lineOf(n) }];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      const k = this.CONSUME2(T.Name);
      path.push({ name: k.image, line: lineOf(k) });
    });
    let method: string | null = null;
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      method = this.CONSUME3(T.Name).image;
    });
    const func = this.SUBRULE(this.funcBody, { ARGS: [line, method !== null] });
    return { kind: 'FunctionStat', line, path, method, func };
  });

  private localStat = this.RULE('localStat', (): A.Stat => {
    const line = lineOf(this.CONSUME(KW.local));
    return this.OR([
      {
        ALT: (): A.LocalFunctionStat => {
          this.CONSUME(KW.function);
          const n = this.CONSUME(T.Name);
          const name: A.Name = { name: n.image, line: lineOf(n) };
          if (!this.RECORDING_PHASE) this.addVars(1);
          // lparser.c: the function's line is the token after the name.
          const func = this.SUBRULE(this.funcBody, { ARGS: [this.RECORDING_PHASE ? 0 : this.curLine(), false] });
          return { kind: 'LocalFunction', line, name, func };
        },
      },
      {
        ALT: (): A.LocalStat => {
          const names: A.Name[] = [];
          const attribs: A.LocalAttrib[] = [];
          let closes = 0;
          this.AT_LEAST_ONE_SEP({
            SEP: T.Comma,
            DEF: () => {
              const n = this.CONSUME2(T.Name);
              names.push({ name: n.image, line: lineOf(n) });
              if (!this.RECORDING_PHASE) this.addVars(1);
              let attrib: A.LocalAttrib = null;
              this.OPTION(() => {
                this.CONSUME(T.Lt);
                const a = this.CONSUME3(T.Name).image;
                this.CONSUME(T.Gt);
                if (!this.RECORDING_PHASE) {
                  if (a === 'const') attrib = 'const';
                  else if (a === 'close') { attrib = 'close'; if (++closes > 1) throw BAIL; }
                  else throw BAIL;
                }
              });
              attribs.push(attrib);
            },
          });
          let values: A.Expr[] = [];
          this.OPTION2(() => {
            this.CONSUME(T.Assign);
            values = this.SUBRULE(this.explist);
          });
          return { kind: 'Local', line, names, attribs, values };
        },
      },
    ]);
  });

  private labelStat = this.RULE('labelStat', (): A.LabelStat => {
    const line = lineOf(this.CONSUME(T.DbColon));
    const label = this.CONSUME(T.Name).image;
    this.CONSUME2(T.DbColon);
    return { kind: 'Label', line, label };
  });

  private breakStat = this.RULE('breakStat', (): A.BreakStat => {
    return { kind: 'Break', line: lineOf(this.CONSUME(KW.break)) };
  });

  private gotoStat = this.RULE('gotoStat', (): A.GotoStat => {
    this.CONSUME(KW.goto);
    const n = this.CONSUME(T.Name);
    return { kind: 'Goto', line: lineOf(n), label: n.image };
  });

  // ------------------------------------------------------------ functions

  private funcBody = this.RULE('funcBody', (line: number, isMethod: boolean): A.FunctionExpr => {
    this.CONSUME(T.LParen);
    const params: A.Name[] = [];
    if (isMethod) params.push({ name: 'self', line });
    let isVararg = false;
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            const n = this.CONSUME(T.Name);
            params.push({ name: n.image, line: lineOf(n) });
            // lparser.c stops the list at '...': a ',' after it is an error.
            this.MANY({ GATE: () => !isVararg, DEF: () => {
              this.CONSUME(T.Comma);
              this.OR2([
                { ALT: () => { const k = this.CONSUME2(T.Name); params.push({ name: k.image, line: lineOf(k) }); } },
                { ALT: () => { this.CONSUME(T.Dots); isVararg = true; } },
              ]);
            } });
          },
        },
        { ALT: () => { this.CONSUME2(T.Dots); isVararg = true; } },
      ]);
    });
    this.CONSUME(T.RParen);
    const outerVars = this.nvars;
    if (!this.RECORDING_PHASE) {
      this.varargs.push(isVararg);
      this.nvars = 0;
      this.addVars(params.length);
    }
    const body = this.SUBRULE(this.block);
    const endLine = this.RECORDING_PHASE ? 0 : this.curLine();
    this.CONSUME(KW.end);
    this.varargs.pop();
    this.nvars = outerVars;
    return { kind: 'Function', line, endLine, params, isVararg, body, isMethod };
  });

  // ------------------------------------------------------------ expressions

  private explistOpts = { SEP: T.Comma, DEF: (): void => { const e = this.SUBRULE(this.expr); this.curList.push(e); } };

  private explist = this.RULE('explist', (): A.Expr[] => {
    const saved = this.curList;
    const list: A.Expr[] = [];
    this.curList = list;
    this.AT_LEAST_ONE_SEP(this.explistOpts);
    this.curList = saved;
    return list;
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
        const pr = BINARY_PRIORITY[t.image]!;
        const left = pr[0];
        // Calls whose limit is not below this operator return (lparser.c's loop ends).
        while (this.lims[this.limTop - 1]! >= left) { this.limTop--; this.depth--; }
        this.lims[this.limTop++] = pr[1];
        this.enter();
        this.flat[this.flatTop++] = { b: t.image as A.BinaryOp, line: lineOf(t), left, right: pr[1] };
      }
      if (this.RECORDING_PHASE || STARTS_UNARY[this.LA(1).tokenTypeIdx] === 1) this.MANY(this.unaryFn);
      const e = this.OR(this.simpleAlts);
      if (!this.RECORDING_PHASE) this.flat[this.flatTop++] = e;
    },
  };

  private unaryFn = (): void => {
    const t = this.CONSUME(UnOp);
    if (!this.RECORDING_PHASE) {
      this.lims[this.limTop++] = UNARY_PRIORITY;
      this.enter();
      this.flat[this.flatTop++] = { u: t.image as A.UnaryOp, line: lineOf(t) };
    }
  };

  /** Precedence climbing over `flat`, exactly as lparser.c's subexpr nests. */
  private fold(limit: number): A.Expr {
    const flat = this.flat;
    const it = flat[this.foldPos++]!;
    let v: A.Expr;
    if ('u' in it) {
      v = { kind: 'Unary', line: it.line, op: it.u, operand: this.fold(UNARY_PRIORITY) };
    } else {
      v = it as A.Expr;
    }
    while (this.foldPos < this.foldEnd) {
      const b = flat[this.foldPos] as BinaryItem;
      if (b.left <= limit) break;
      this.foldPos++;
      const right = this.fold(b.right);
      v = { kind: 'Binary', line: b.line, op: b.b, left: v, right };
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
        return this.SUBRULE(this.funcBody, { ARGS: [this.RECORDING_PHASE ? 0 : this.curLine(), false] });
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
    { ALT: (): A.Expr => { const t = this.CONSUME1(T.Name); return { kind: 'Name', line: lineOf(t), name: t.image }; } },
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
        const l = lineOf(n);
        this.sfx = { kind: 'Index', line: l, obj: e, key: { kind: 'String', line: l, value: n.image }, isField: true };
        this.sfxLine = line;
      },
    },
    {
      ALT: (): void => {
        const e = this.sfx, line = this.sfxLine;
        this.CONSUME1(T.LBracket);
        const key = this.SUBRULE2(this.expr);
        const l = lineOf(this.CONSUME1(T.RBracket));
        this.sfx = { kind: 'Index', line: l, obj: e, key, isField: false };
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
      ALT: (): A.Expr[] => {
        this.CONSUME(T.LParen);
        let list: A.Expr[] = [];
        this.OPTION(() => { list = this.SUBRULE(this.explist); });
        this.CONSUME(T.RParen);
        return list;
      },
    },
    { ALT: (): A.Expr[] => [this.SUBRULE(this.table)] },
    { ALT: (): A.Expr[] => { const t = this.CONSUME(T.String); return [{ kind: 'String', line: lineOf(t), value: t.payload as string } as A.Expr]; } },
  ];

  private args = this.RULE('args', (): A.Expr[] => this.OR(this.argsAlts));

  private sepAlts = [{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semi) }];
  private sepAlts2 = [{ ALT: () => this.CONSUME2(T.Comma) }, { ALT: () => this.CONSUME2(T.Semi) }];

  private tableItem = (): void => {
    this.OR(this.sepAlts);
    const f = this.SUBRULE2(this.field);
    this.curFields.push(f);
  };

  private table = this.RULE('table', (): A.TableExpr => {
    const line = lineOf(this.CONSUME(T.LBrace));
    const saved = this.curFields;
    const fields: A.TableField[] = [];
    this.curFields = fields;
    this.OPTION(() => {
      const f = this.SUBRULE(this.field);
      this.curFields.push(f);
      this.MANY(this.tableItem);
      this.OPTION2(() => { this.OR2(this.sepAlts2); });
    });
    this.curFields = saved;
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
    {
      ALT: (): A.TableField => {
        const line = this.RECORDING_PHASE ? 0 : this.curLine();
        return { kind: 'Positional', value: this.SUBRULE4(this.expr), line };
      },
    },
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
