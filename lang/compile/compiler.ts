// AST → Proto: the port of lparser.c's statement and expression rules, walking the AST the
// parser built instead of tokens (scopes, variables and gotos are in scope.ts). The
// order of every code-generator call is the order lparser.c makes it while parsing, so
// registers, constants and instructions come out as luac 5.4.4's.
//
// Lines: luac gives an instruction the line of the last token read. The AST keeps the
// lines of nodes, not of every token, so `ls.lastLine` is set from the node being
// compiled; lines of closing tokens that the AST does not keep (`)` of a call spanning
// lines, `do`, `then`) are approximated by the nearest line known.

import type * as A from '../front/ast.js';
import { Op, Fmt } from '../vm/opcodes.js';
import type { Proto } from './proto.js';
import { ExpDesc, VK, NO_JUMP, hasMultRet, isIndexed } from './expdesc.js';
import { VarKind, BinOpr, UnOpr } from './funcstate.js';
import { Scopes, leftmost, renderLook, type Look } from './scope.js';

export { CompileError } from './scope.js';

const FIELDS_PER_FLUSH = 50;
const MULTRET = -1;

const BINOPR: Record<A.BinaryOp, BinOpr> = {
  '+': BinOpr.ADD, '-': BinOpr.SUB, '*': BinOpr.MUL, '%': BinOpr.MOD, '^': BinOpr.POW,
  '/': BinOpr.DIV, '//': BinOpr.IDIV, '&': BinOpr.BAND, '|': BinOpr.BOR, '~': BinOpr.BXOR,
  '<<': BinOpr.SHL, '>>': BinOpr.SHR, '..': BinOpr.CONCAT, '==': BinOpr.EQ, '<': BinOpr.LT,
  '<=': BinOpr.LE, '~=': BinOpr.NE, '>': BinOpr.GT, '>=': BinOpr.GE, 'and': BinOpr.AND,
  'or': BinOpr.OR,
};
const UNOPR: Record<A.UnaryOp, UnOpr> = { '-': UnOpr.MINUS, '~': UnOpr.BNOT, 'not': UnOpr.NOT, '#': UnOpr.LEN };

/** Length of an A.List (one item stands for itself). */
function count<N>(l: A.List<N>): number { return Array.isArray(l) ? l.length : 1; }
/** Item `i` of an A.List. */
function item<N>(l: A.List<N>, i: number): N { return Array.isArray(l) ? l[i] : l; }

/** Line of the first token of an expression (lparser's line for a call's CALL). */
export function firstLine(e: A.Expr): number {
  return leftmost(e).line;
}

export class Compiler extends Scopes {
  compileChunk(chunk: A.Chunk): Proto {
    const fs = this.openFunc(0);
    this.setvararg(fs, 0);
    fs.upvalues.push({ name: '_ENV', inStack: true, index: 0, kind: VarKind.REG });
    this.statlist(chunk.body, chunk.endLine, false);
    const p = this.closeFunc(chunk.endLine);
    return p;
  }

  /** `afterLine`: line of the token after the function's `end` (where lparser reports its unresolved gotos). */
  private body(func: A.FunctionExpr, v: ExpDesc, line: number, afterLine: number): void {
    const parent = this.fs;
    const fs = this.openFunc(line);
    const params = func.params;
    const n = count(params);
    for (let i = 0; i < n; i++) {
      const p = item(params, i);
      this.ls.lastLine = p.line;
      this.newLocalvar(p.name, i + 1 < n || func.isVararg ? "','" : "')'");
    }
    this.adjustlocalvars(n);
    fs.f.numParams = fs.nactvar;
    if (func.isVararg) this.setvararg(fs, fs.f.numParams);
    fs.reserveregs(fs.nactvar);
    this.statlist(func.body, func.endLine, false);
    fs.f.lastLineDefined = func.endLine;
    this.ls.lastLine = func.endLine;
    // codeclosure: CLOSURE in the parent, placed in its next free register
    if (parent.protos.length >= Fmt.MAXARG_Bx) this.errorlimit(parent, Fmt.MAXARG_Bx, 'functions', renderLook(this.look));
    parent.protos.push(fs.f);
    v.init(VK.RELOC, parent.codeABx(Op.CLOSURE, 0, parent.protos.length - 1));
    parent.exp2nextreg(v);
    this.closeFunc(afterLine);
  }

  // ---------------------------------------------------------------- expressions

  /** `follow`: the token after the list, when known. */
  private explist(exprs: A.ExprList, v: ExpDesc, follow: Look): number {
    const n = count(exprs);
    this.expr(item(exprs, 0), v, n > 1 ? ',' : follow);
    for (let i = 1; i < n; i++) {
      const e = item(exprs, i);
      this.look = e;
      this.fs.exp2nextreg(v);
      this.expr(e, v, i + 1 < n ? ',' : follow);
    }
    this.look = follow;
    return n;
  }

  private funcargs(args: A.ExprList, f: ExpDesc, line: number, follow: Look): void {
    const fs = this.fs;
    const a = new ExpDesc();
    if (count(args) === 0) a.k = VK.VOID;
    else {
      this.explist(args, a, ')');
      this.look = follow;
      if (hasMultRet(a.k)) fs.setmultret(a);
    }
    this.look = follow;
    const base = f.info;
    let nparams: number;
    if (hasMultRet(a.k)) nparams = MULTRET;
    else {
      if (a.k !== VK.VOID) fs.exp2nextreg(a);
      nparams = fs.freereg - (base + 1);
    }
    f.init(VK.CALL, fs.codeABC(Op.CALL, base, nparams + 1, 2));
    fs.fixline(line);
    fs.freereg = base + 1;
  }

  private constructor_(t: A.TableExpr, v: ExpDesc, follow: Look): void {
    const fs = this.fs;
    // NEWTABLE keeps the line of the token before `{` (lparser emits it before reading `{`).
    const pc = fs.codeABC(Op.NEWTABLE, 0, 0, 0);
    fs.code1(0);  // room for EXTRAARG
    let na = 0, nh = 0, tostore = 0;
    v.init(VK.NONRELOC, fs.freereg);
    fs.reserveregs(1);
    const item = new ExpDesc().init(VK.VOID, 0);
    const fields = t.fields;
    for (let fi = 0; fi < fields.length; fi++) {
      const field = fields[fi];
      const sep = fi + 1 < fields.length ? ',' : '}';
      // closelistfield
      this.look = field.kind === 'Named' ? field.name : field.kind === 'Keyed' ? '[' : field;
      if (item.k !== VK.VOID) {
        fs.exp2nextreg(item);
        item.k = VK.VOID;
        if (tostore === FIELDS_PER_FLUSH) {
          fs.setlist(v.info, na, tostore);
          na += tostore;
          tostore = 0;
        }
      }
      if (field.kind !== 'Named' && field.kind !== 'Keyed') {
        this.expr(field, item, sep);
        tostore++;
      } else {
        // recfield
        const reg = fs.freereg;
        const key = new ExpDesc();
        if (field.kind === 'Named') {
          this.ls.lastLine = field.line;
          key.init(VK.KSTR, 0);
          key.strval = field.name;
        } else {
          this.ls.lastLine = field.line;  // `[` read
          this.expr(field.key, key, ']');
          this.look = ']';
          fs.exp2val(key);
        }
        nh++;
        const tab = v.clone();
        fs.indexed(tab, key);
        const val = new ExpDesc();
        this.expr(field.value, val, sep);
        this.look = sep;
        fs.storevar(tab, val);
        fs.freereg = reg;
      }
    }
    this.ls.lastLine = t.endLine;
    // lastlistfield
    this.look = follow;
    if (tostore !== 0) {
      if (hasMultRet(item.k)) {
        fs.setmultret(item);
        fs.setlist(v.info, na, MULTRET);
        na--;
      } else {
        if (item.k !== VK.VOID) fs.exp2nextreg(item);
        fs.setlist(v.info, na, tostore);
      }
      na += tostore;
    }
    fs.settablesize(pc, v.info, na, nh);
  }

  /**
   * A prefix expression and its chain of suffixes (`.k`, `[k]`, `:m(...)`, `(...)`), compiled
   * from the innermost out without recursion: lparser reads such chains in a loop, so they
   * can be far longer than the nesting limit.
   */
  private suffixedexp(e: A.Expr, v: ExpDesc, follow: Look = null): void {
    const fs = this.fs;
    const chain: (A.IndexExpr | A.FieldExpr | A.CallExpr | A.MethodCallExpr)[] = [];
    let p: A.Expr = e;
    for (;;) {
      if (p.kind === 'Index' || p.kind === 'Field') { chain.push(p); p = p.obj; }
      else if (p.kind === 'Call') { chain.push(p); p = p.fn; }
      else if (p.kind === 'MethodCall') { chain.push(p); p = p.obj; }
      else break;
    }
    // the token after the primary expression: what starts the first suffix
    const after = (i: number): Look => {
      if (i < 0) return follow;
      const s = chain[i];
      if (s.kind === 'Index') return '[';
      if (s.kind === 'Field') return '.';
      return s.kind === 'Call' ? '(' : ':';
    };
    // Calls carry the line where the whole chain starts (lparser's funcargs `line`).
    const startLine = firstLine(p);
    if (p.kind === 'Paren') {
      this.ls.lastLine = p.line;
      this.expr(p.expr, v, ')');
      this.look = after(chain.length - 1);
      fs.dischargevars(v);
    } else if (p.kind === 'Name') {
      this.ls.lastLine = p.line;
      this.look = after(chain.length - 1);
      this.singlevar(p.name, v);
    } else {
      // Not reachable from the grammar (a prefix expression starts with a name or `(`).
      this.expr(p, v, after(chain.length - 1));
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const s = chain[i];
      const next = after(i - 1);
      if (s.kind === 'Field') {
        fs.exp2anyregup(v);
        const key = new ExpDesc();
        this.ls.lastLine = s.line;
        key.init(VK.KSTR, 0);
        key.strval = s.name;
        this.look = next;
        fs.indexed(v, key);
      } else if (s.kind === 'Index') {
        fs.exp2anyregup(v);
        const key = new ExpDesc();
        this.expr(s.key, key, ']');
        this.look = ']';
        this.ls.lastLine = s.line;  // the parser gives `obj[k]` the line of its `]`
        fs.exp2val(key);
        this.look = next;
        fs.indexed(v, key);
      } else if (s.kind === 'Call') {
        // `f"s"` and `f{}` look like `f("s")` and `f({})` in the AST; `(` is the common case.
        this.look = '(';
        fs.exp2nextreg(v);
        this.funcargs(s.args, v, startLine, next);
      } else {
        const key = new ExpDesc().init(VK.KSTR, 0);
        key.strval = s.name;
        this.look = '(';
        fs.self(v, key);
        this.funcargs(s.args, v, startLine, next);
      }
    }
  }


  /** `follow`: the token after `e` when known (for `near` parts of limit errors). */
  expr(e: A.Expr, v: ExpDesc, follow: Look = null): void {
    const fs = this.fs;
    switch (e.kind) {
      case 'Nil': this.ls.lastLine = e.line; v.init(VK.NIL, 0); return;
      case 'True': this.ls.lastLine = e.line; v.init(VK.TRUE, 0); return;
      case 'False': this.ls.lastLine = e.line; v.init(VK.FALSE, 0); return;
      case 'Int': this.ls.lastLine = e.line; v.init(VK.KINT, 0); v.ival = e.value; return;
      case 'Float': this.ls.lastLine = e.line; v.init(VK.KFLT, 0); v.nval = e.value; return;
      case 'String': this.ls.lastLine = e.line; v.init(VK.KSTR, 0); v.strval = e.value; return;
      case 'Vararg':
        this.ls.lastLine = e.line;
        if (!fs.f.isVararg) this.syntaxerror("cannot use '...' outside a vararg function", e.line, "'...'");
        v.init(VK.VARARG, fs.codeABC(Op.VARARG, 0, 0, 1));
        return;
      case 'Table': this.constructor_(e, v, follow); return;
      case 'Function':
        this.ls.lastLine = e.line;
        this.body(e, v, e.line, e.endLine);
        return;
      case 'Unary':
        this.ls.lastLine = e.line;
        this.expr(e.operand, v, follow);
        this.look = follow;
        fs.prefix(UNOPR[e.op], v, e.line);
        return;
      case 'Binary': {
        // The left spine of `a + b + c ...` is as long as the chain (lparser loops over it):
        // walk it without recursion, innermost operation first.
        const spine: A.BinaryExpr[] = [e];
        let left = e.left;
        while (left.kind === 'Binary') { spine.push(left); left = left.left; }
        this.expr(left, v, spine[spine.length - 1].op);
        for (let i = spine.length - 1; i >= 0; i--) {
          const b = spine[i];
          const op = BINOPR[b.op];
          const next = i > 0 ? spine[i - 1].op : follow;
          this.ls.lastLine = b.line;
          this.look = b.right;
          fs.infix(op, v);
          const v2 = new ExpDesc();
          this.expr(b.right, v2, next);
          this.look = next;
          fs.posfix(op, v, v2, b.line);
        }
        return;
      }
      default:
        this.suffixedexp(e, v, follow);
        return;
    }
  }

  // ---------------------------------------------------------------- statements

  /**
   * Compiles a block's statements (a linked list from `first`); `endLine`: the line of the
   * token ending the block; `isRepeat`: the block ends at `until` (labels there are not "last").
   */
  private statlist(first: A.Block, endLine: number, isRepeat: boolean): void {
    for (let s = first; s !== null; s = s.next) {
      if (s.kind === 'Label') {
        // lparser reads the following labels before creating this one (labelstat).
        const labels: A.LabelStat[] = [s];
        let after = s.next;
        while (after !== null && after.kind === 'Label') { labels.push(after); after = after.next; }
        const last = after === null && !isRepeat;
        const afterLine = after !== null ? after.line : endLine;
        for (let m = labels.length - 1; m >= 0; m--) {
          const lab = labels[m];
          this.ls.lastLine = lab.line;
          this.labelstat(lab, last, afterLine);
          this.fs.freereg = this.fs.nvarstack();
        }
        s = labels[labels.length - 1];
        continue;
      }
      this.statement(s, s.next?.line ?? endLine);
    }
  }

  /** A block ending on `endLine`, where its unresolved gotos are reported. */
  private block(b: A.Block, endLine: number): void {
    const fs = this.fs;
    this.enterblock(fs, false);
    this.statlist(b, endLine, false);
    this.leaveblock(fs, endLine);
  }

  private statement(s: A.Stat, nextLine: number): void {
    this.ls.lastLine = s.line;
    switch (s.kind) {
      case 'If': this.ifstat(s); break;
      case 'While': this.whilestat(s); break;
      case 'Do':
        this.block(s.body, s.endLine);
        this.ls.lastLine = s.endLine;
        break;
      case 'NumericFor': this.fornum(s); break;
      case 'GenericFor': this.forlist(s); break;
      case 'Repeat': this.repeatstat(s); break;
      case 'FunctionStat': this.funcstat(s, nextLine); break;
      case 'LocalFunction': this.localfunc(s, nextLine); break;
      case 'Local': this.localstat(s); break;
      case 'Return': this.retstat(s); break;
      case 'Break':
        this.newlabelentry(this.ls.gt, 'break', s.line, this.fs.jump());
        break;
      case 'Goto': this.gotostat(s); break;
      case 'Assign': this.assignstat(s); break;
      case 'CallStat': {
        const v = new ExpDesc();
        this.suffixedexp(s.call, v, null);
        const fs = this.fs;
        fs.code[v.info] = (fs.code[v.info] & 0x00ffffff) | (1 << 24);  // C = 1: no results
        break;
      }
      case 'Label': this.labelstat(s, false, nextLine); break;
    }
    const fs = this.fs;
    fs.freereg = fs.nvarstack();
  }

  private checkrepeated(name: string, errLine: number): void {
    const lb = this.findlabel(name);
    if (lb !== null) this.semerror(`label '${name}' already defined on line ${lb.line}`, errLine);
  }

  private labelstat(s: A.LabelStat, last: boolean, errLine: number): void {
    this.checkrepeated(s.label, errLine);
    this.createlabel(s.label, s.line, last, errLine);
  }

  private gotostat(s: A.GotoStat): void {
    const fs = this.fs;
    const lb = this.findlabel(s.label);
    if (lb === null) {
      this.newlabelentry(this.ls.gt, s.label, s.line, fs.jump());
    } else {
      const lblevel = fs.reglevel(lb.nactvar);
      if (fs.nvarstack() > lblevel) fs.codeABC(Op.CLOSE, lblevel, 0, 0);
      fs.patchlist(fs.jump(), lb.pc);
    }
  }

  private cond(e: A.Expr, follow: Look): number {
    const v = new ExpDesc();
    this.expr(e, v, follow);
    this.look = follow;
    if (v.k === VK.NIL) v.k = VK.FALSE;
    this.fs.goiftrue(v);
    return v.f;
  }

  private whilestat(s: A.WhileStat): void {
    const fs = this.fs;
    const whileinit = fs.getlabel();
    const condexit = this.cond(s.cond, 'do');
    this.enterblock(fs, true);
    this.block(s.body, s.endLine);
    fs.jumpto(whileinit);
    this.ls.lastLine = s.endLine;
    this.leaveblock(fs, s.endLine);
    fs.patchtohere(condexit);
  }

  private repeatstat(s: A.RepeatStat): void {
    const fs = this.fs;
    const repeatInit = fs.getlabel();
    this.enterblock(fs, true);
    const bl2 = this.enterblock(fs, false);
    this.statlist(s.body, s.endLine, true);
    this.ls.lastLine = s.endLine;
    let condexit = this.cond(s.cond, null);
    this.leaveblock(fs, s.cond.line);
    if (bl2.upval) {
      const exit = fs.jump();
      fs.patchtohere(condexit);
      fs.codeABC(Op.CLOSE, fs.reglevel(bl2.nactvar), 0, 0);
      condexit = fs.jump();
      fs.patchtohere(exit);
    }
    fs.patchlist(condexit, repeatInit);
    this.leaveblock(fs, s.cond.line);
  }

  private exp1(e: A.Expr, follow: string): void {
    const v = new ExpDesc();
    this.expr(e, v, follow);
    this.look = follow;
    this.fs.exp2nextreg(v);
  }

  private fixforjump(pc: number, dest: number, back: boolean): void {
    const fs = this.fs;
    let offset = dest - (pc + 1);
    if (back) offset = -offset;
    if (offset > Fmt.MAXARG_Bx) this.syntaxerror('control structure too long', this.ls.lastLine, "'end'");
    fs.code[pc] = ((fs.code[pc] & 0x7fff) | (offset << 15)) | 0;
  }

  private forbody(base: number, line: number, nvars: number, isgen: boolean, body: A.Block, endLine: number): void {
    const fs = this.fs;
    const prep = fs.codeABx(isgen ? Op.TFORPREP : Op.FORPREP, base, 0);
    this.enterblock(fs, false);
    this.adjustlocalvars(nvars);
    fs.reserveregs(nvars);
    this.block(body, endLine);
    this.leaveblock(fs, endLine);
    this.fixforjump(prep, fs.getlabel(), false);
    if (isgen) {
      fs.codeABC(Op.TFORCALL, base, 0, nvars);
      fs.fixline(line);
    }
    const endfor = fs.codeABx(isgen ? Op.TFORLOOP : Op.FORLOOP, base, 0);
    this.fixforjump(endfor, prep + 1, true);
    fs.fixline(line);
  }

  private fornum(s: A.NumericForStat): void {
    const fs = this.fs;
    this.enterblock(fs, true);
    const base = fs.freereg;
    this.newLocalvar('(for state)');
    this.newLocalvar('(for state)');
    this.newLocalvar('(for state)');
    this.ls.lastLine = s.varLine;
    this.newLocalvar(s.varName, "'='");
    this.exp1(s.start, ',');
    this.exp1(s.limit, s.step ? ',' : 'do');
    if (s.step) this.exp1(s.step, 'do');
    else {
      fs.int(fs.freereg, 1n);
      fs.reserveregs(1);
    }
    this.adjustlocalvars(3);
    this.forbody(base, s.line, 1, false, s.body, s.endLine);
    this.ls.lastLine = s.endLine;
    this.leaveblock(fs, s.endLine);
  }

  private forlist(s: A.GenericForStat): void {
    const fs = this.fs;
    this.enterblock(fs, true);
    const base = fs.freereg;
    this.newLocalvar('(for state)');
    this.newLocalvar('(for state)');
    this.newLocalvar('(for state)');
    this.newLocalvar('(for state)');
    const nvars = count(s.names);
    for (let i = 0; i < nvars; i++) {
      const name = item(s.names, i);
      this.ls.lastLine = name.line;
      this.newLocalvar(name.name, i + 1 < nvars ? "','" : "'in'");
    }
    const line = firstLine(item(s.exprs, 0));
    const e = new ExpDesc();
    this.adjustAssign(4, this.explist(s.exprs, e, 'do'), e);
    this.adjustlocalvars(4);
    this.marktobeclosed(fs);
    fs.checkstack(3);
    this.forbody(base, line, nvars, true, s.body, s.endLine);
    this.ls.lastLine = s.endLine;
    this.leaveblock(fs, s.endLine);
  }

  private testThenBlock(clause: A.IfClause, escapelist: number, hasMore: boolean): number {
    const fs = this.fs;
    const v = new ExpDesc();
    this.expr(clause.cond, v, 'then');
    this.look = 'then';
    this.ls.lastLine = clause.thenLine;
    let body = clause.body;
    let jf: number;
    if (body !== null && body.kind === 'Break') {
      // 'if x then break': jump straight out of the loop when the condition holds
      const brk = body;
      fs.goiffalse(v);  // lparser emits it before reading `break`
      this.ls.lastLine = brk.line;
      this.enterblock(fs, false);
      this.newlabelentry(this.ls.gt, 'break', brk.line, v.t);
      if (brk.next === null) {
        this.leaveblock(fs, clause.endLine);
        return escapelist;
      }
      jf = fs.jump();
      body = brk.next;
    } else {
      fs.goiftrue(v);
      this.enterblock(fs, false);
      jf = v.f;
    }
    this.statlist(body, clause.endLine, false);
    this.leaveblock(fs, clause.endLine);
    if (hasMore) escapelist = fs.concat(escapelist, fs.jump());
    fs.patchtohere(jf);
    return escapelist;
  }

  private ifstat(s: A.IfStat): void {
    const fs = this.fs;
    let escapelist = NO_JUMP;
    const n = count(s.clauses);
    for (let i = 0; i < n; i++) {
      const clause = item(s.clauses, i);
      this.ls.lastLine = clause.line;
      escapelist = this.testThenBlock(clause, escapelist, i + 1 < n || s.hasElse);
    }
    if (s.hasElse) {
      this.block(s.orelse, s.endLine);
      this.ls.lastLine = s.endLine;
    } else {
      this.ls.lastLine = item(s.clauses, n - 1).endLine;
    }
    fs.patchtohere(escapelist);
  }

  private localfunc(s: A.LocalFunctionStat, nextLine: number): void {
    const fs = this.fs;
    const fvar = fs.nactvar;
    this.ls.lastLine = s.nameLine;
    this.newLocalvar(s.name, "'('");
    this.adjustlocalvars(1);
    const b = new ExpDesc();
    this.body(s.func, b, s.func.line, nextLine);
    this.localdebuginfo(fs, fvar)!.startPc = fs.pc;
  }

  private localstat(s: A.LocalStat): void {
    const fs = this.fs;
    let toclose = -1;
    let vidx = 0;
    const nvars = count(s.names);
    for (let i = 0; i < nvars; i++) {
      const name = item(s.names, i);
      this.ls.lastLine = name.line;
      const attrib = s.attribs[i] ?? null;
      const near = attrib !== null ? "'<'" : i + 1 < nvars ? "','" : "'='";
      vidx = this.newLocalvar(name.name, near);
      const kind = attrib === 'const' ? VarKind.CONST : attrib === 'close' ? VarKind.TOCLOSE : VarKind.REG;
      fs.getlocalvardesc(vidx).kind = kind;
      if (kind === VarKind.TOCLOSE) {
        if (toclose !== -1) this.semerror('multiple to-be-closed variables in local list', this.ls.lastLine);
        toclose = fs.nactvar + i;
      }
    }
    const e = new ExpDesc();
    let nexps: number;
    if (count(s.values) > 0) nexps = this.explist(s.values, e, null);
    else { e.k = VK.VOID; nexps = 0; }
    const v = fs.getlocalvardesc(vidx);
    let kval;
    if (nvars === nexps && v.kind === VarKind.CONST && (kval = fs.exp2const(e)) !== null) {
      v.kind = VarKind.CTC;
      v.k = kval;
      this.adjustlocalvars(nvars - 1);
      fs.nactvar++;
    } else {
      this.adjustAssign(nvars, nexps, e);
      this.adjustlocalvars(nvars);
    }
    if (toclose !== -1) {
      this.marktobeclosed(fs);
      fs.codeABC(Op.TBC, fs.reglevel(toclose), 0, 0);
    }
  }

  private funcstat(s: A.FunctionStat, nextLine: number): void {
    const fs = this.fs;
    const v = new ExpDesc();
    this.ls.lastLine = s.path[0].line;
    this.singlevar(s.path[0].name, v);
    const fieldsel = (name: string, line: number) => {
      fs.exp2anyregup(v);
      this.ls.lastLine = line;
      const key = new ExpDesc().init(VK.KSTR, 0);
      key.strval = name;
      fs.indexed(v, key);
    };
    for (let i = 1; i < s.path.length; i++) fieldsel(s.path[i].name, s.path[i].line);
    if (s.method !== null) fieldsel(s.method, s.path[s.path.length - 1].line);
    const b = new ExpDesc();
    this.body(s.func, b, s.line, nextLine);
    this.checkReadonly(v, nextLine);
    fs.storevar(v, b);
    fs.fixline(s.line);
  }

  private assignstat(s: A.AssignStat): void {
    const fs = this.fs;
    const lhs: ExpDesc[] = [];
    const targets = s.targets;
    const nvars = count(targets);
    for (let i = 0; i < nvars; i++) {
      const v = new ExpDesc();
      const target = item(targets, i);
      this.suffixedexp(target, v, i + 1 < nvars ? ',' : '=');
      if (i > 0 && !isIndexed(v.k)) this.checkConflict(lhs, v);
      lhs.push(v);
      // lparser checks when it sees the `,` or `=` after the target: usually the target's line
      this.checkReadonly(v, target.line);
    }
    const e = new ExpDesc();
    const nexps = this.explist(s.values, e, null);
    let i = nvars - 1;
    if (nexps !== nvars) this.adjustAssign(nvars, nexps, e);
    else {
      fs.setoneret(e);
      fs.storevar(lhs[i], e);
      i--;
    }
    for (; i >= 0; i--) {
      const d = new ExpDesc().init(VK.NONRELOC, fs.freereg - 1);
      fs.storevar(lhs[i], d);
    }
  }

  private checkConflict(lhs: ExpDesc[], v: ExpDesc): void {
    const fs = this.fs;
    const extra = fs.freereg;
    let conflict = false;
    for (let i = lhs.length - 1; i >= 0; i--) {
      const lh = lhs[i];
      if (!isIndexed(lh.k)) continue;
      if (lh.k === VK.INDEXUP) {
        if (v.k === VK.UPVAL && lh.indT === v.info) {
          conflict = true;
          lh.k = VK.INDEXSTR;
          lh.indT = extra;
        }
      } else {
        if (v.k === VK.LOCAL && lh.indT === v.ridx) {
          conflict = true;
          lh.indT = extra;
        }
        if (lh.k === VK.INDEXED && v.k === VK.LOCAL && lh.indIdx === v.ridx) {
          conflict = true;
          lh.indIdx = extra;
        }
      }
    }
    if (conflict) {
      if (v.k === VK.LOCAL) fs.codeABC(Op.MOVE, extra, v.ridx, 0);
      else fs.codeABC(Op.GETUPVAL, extra, v.info, 0);
      fs.reserveregs(1);
    }
  }

  private retstat(s: A.ReturnStat): void {
    const fs = this.fs;
    let first = fs.nvarstack();
    let nret: number;
    if (count(s.values) === 0) nret = 0;
    else {
      const e = new ExpDesc();
      nret = this.explist(s.values, e, null);
      if (hasMultRet(e.k)) {
        fs.setmultret(e);
        if (e.k === VK.CALL && nret === 1 && !fs.bl!.insidetbc) {
          fs.code[e.info] = (fs.code[e.info] & ~0x7f) | Op.TAILCALL;
        }
        nret = MULTRET;
      } else if (nret === 1) {
        first = fs.exp2anyreg(e);
      } else {
        fs.exp2nextreg(e);
      }
    }
    fs.ret(first, nret);
  }
}

