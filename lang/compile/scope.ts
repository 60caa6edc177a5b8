// Scopes of the compiler: active local variables and their registers, upvalue resolution,
// blocks, gotos and labels, opening and closing functions (lparser.c's bookkeeping). The
// code walking statements and expressions (compiler.ts) builds on these.

import type * as A from '../front/ast.js';
import { Op } from '../vm/opcodes.js';
import type { Proto } from './proto.js';
import { ExpDesc, VK, NO_JUMP, hasMultRet } from './expdesc.js';
import { FuncState, VarKind, type BlockCnt, type LabelDesc, type Shared } from './funcstate.js';
import { fmtG } from '../num/index.js';

const MAXVARS = 200;
const MAXUPVAL = 255;

export const q = (t: string) => `'${t}'`;

/**
 * The token lparser would have as lookahead: raw token text, or an expression standing for
 * its first token, or null when unknown. Rendered only when an error needs it.
 */
export type Look = string | A.Expr | null;

export function renderLook(l: Look): string | null {
  if (l === null) return null;
  return typeof l === 'string' ? q(l) : firstToken(l);
}

/** Raised for compile-time errors; index.ts turns it into the front end's LuaSyntaxError. */
export class CompileError extends Error {
  constructor(readonly msg: string, readonly line: number, readonly near: string | null) {
    super(msg);
  }
}

/** The first token of an expression as luaX_token2str shows it (for `near` parts). */
export function firstToken(expr: A.Expr): string {
  const e = leftmost(expr);
  switch (e.kind) {
    case 'Name': return q(e.name);
    case 'Int': return q(e.value.toString());
    case 'Float': return q(fmtG(e.value, 14));
    case 'String': return q('"' + e.value + '"');
    case 'Nil': return q('nil');
    case 'True': return q('true');
    case 'False': return q('false');
    case 'Vararg': return q('...');
    case 'Function': return q('function');
    case 'Table': return q('{');
    case 'Paren': return q('(');
    case 'Unary': return q(e.op);
  }
}

/** The sub-expression that holds an expression's first token (binary operands, indexed and
 *  called objects come first in the text). */
export function leftmost(e: A.Expr): Exclude<A.Expr, A.BinaryExpr | A.IndexExpr | A.FieldExpr | A.CallExpr | A.MethodCallExpr> {
  for (;;) {
    switch (e.kind) {
      case 'Binary': e = e.left; break;
      case 'Index': case 'Field': e = e.obj; break;
      case 'Call': e = e.fn; break;
      case 'MethodCall': e = e.obj; break;
      default: return e;
    }
  }
}

export class Scopes {
  /** The token after the last one "read" (lparser's lookahead), for `near` parts; null: unknown. */
  look: Look = null;

  readonly ls: Shared;
  fs!: FuncState;

  constructor(source: string) {
    this.ls = {
      lastLine: 1, actvar: [], nactvarTotal: 0, gt: [], label: [], kcache: new Map(), source,
      error: (msg: string, line: number, near: boolean): never => {
        throw new CompileError(msg, line, near ? renderLook(this.look) : null);
      },
    };
  }

  protected semerror(msg: string, line: number): never {
    throw new CompileError(msg, line, null);
  }
  protected syntaxerror(msg: string, line: number, near: string | null): never {
    throw new CompileError(msg, line, near);
  }

  // ---------------------------------------------------------------- variables

  protected errorlimit(fs: FuncState, limit: number, what: string, near: string | null): never {
    const line = fs.f.lineDefined;
    const where = line === 0 ? 'main function' : `function at line ${line}`;
    return this.syntaxerror(`too many ${what} (limit is ${limit}) in ${where}`, this.ls.lastLine, near);
  }

  protected registerlocalvar(fs: FuncState, name: string): number {
    fs.locvars.push({ name, startPc: fs.pc, endPc: 0 });
    return fs.locvars.length - 1;
  }

  /** `near` is the token after the name, for the "too many local variables" message. */
  protected newLocalvar(name: string, near = "'='"): number {
    const fs = this.fs;
    const ls = this.ls;
    if (ls.nactvarTotal + 1 - fs.firstlocal > MAXVARS) this.errorlimit(fs, MAXVARS, 'local variables', near);
    ls.actvar[ls.nactvarTotal++] = { name, kind: VarKind.REG, ridx: 0, pidx: 0, k: null };
    return ls.nactvarTotal - 1 - fs.firstlocal;
  }

  protected localdebuginfo(fs: FuncState, vidx: number) {
    const vd = fs.getlocalvardesc(vidx);
    return vd.kind === VarKind.CTC ? null : fs.locvars[vd.pidx];
  }

  protected initVar(fs: FuncState, e: ExpDesc, vidx: number): void {
    e.t = e.f = NO_JUMP;
    e.k = VK.LOCAL;
    e.vidx = vidx;
    e.ridx = fs.getlocalvardesc(vidx).ridx;
  }

  protected checkReadonly(e: ExpDesc, line: number): void {
    const fs = this.fs;
    let varname: Look = null;
    switch (e.k) {
      case VK.CONST: varname = this.ls.actvar[e.info].name; break;
      case VK.LOCAL: {
        const vd = fs.getlocalvardesc(e.vidx);
        if (vd.kind !== VarKind.REG) varname = vd.name;
        break;
      }
      case VK.UPVAL: {
        const up = fs.upvalues[e.info];
        if (up.kind !== VarKind.REG) varname = up.name;
        break;
      }
      default: return;
    }
    if (varname !== null) this.semerror(`attempt to assign to const variable '${varname}'`, line);
  }

  protected adjustlocalvars(nvars: number): void {
    const fs = this.fs;
    let reglevel = fs.nvarstack();
    for (let i = 0; i < nvars; i++) {
      const vidx = fs.nactvar++;
      const vd = fs.getlocalvardesc(vidx);
      vd.ridx = reglevel++;
      vd.pidx = this.registerlocalvar(fs, vd.name);
    }
  }

  protected removevars(fs: FuncState, tolevel: number): void {
    const n = this.ls.nactvarTotal - (fs.nactvar - tolevel);
    while (fs.nactvar > tolevel) {
      const v = this.localdebuginfo(fs, --fs.nactvar);
      if (v) v.endPc = fs.pc;
    }
    this.ls.nactvarTotal = n;
  }

  protected searchupvalue(fs: FuncState, name: string): number {
    const ups = fs.upvalues;
    for (let i = 0; i < ups.length; i++) if (ups[i].name === name) return i;
    return -1;
  }

  protected newupvalue(fs: FuncState, name: string, v: ExpDesc): number {
    if (fs.upvalues.length + 1 > MAXUPVAL) this.errorlimit(fs, MAXUPVAL, 'upvalues', renderLook(this.look));
    const prev = fs.prev!;
    if (v.k === VK.LOCAL) {
      fs.upvalues.push({ name, inStack: true, index: v.ridx, kind: prev.getlocalvardesc(v.vidx).kind });
    } else {
      fs.upvalues.push({ name, inStack: false, index: v.info, kind: prev.upvalues[v.info].kind });
    }
    return fs.upvalues.length - 1;
  }

  protected searchvar(fs: FuncState, n: string, v: ExpDesc): VK | -1 {
    for (let i = fs.nactvar - 1; i >= 0; i--) {
      const vd = fs.getlocalvardesc(i);
      if (vd.name === n) {
        if (vd.kind === VarKind.CTC) v.init(VK.CONST, fs.firstlocal + i);
        else this.initVar(fs, v, i);
        return v.k;
      }
    }
    return -1;
  }

  protected markupval(fs: FuncState, level: number): void {
    let bl = fs.bl!;
    while (bl.nactvar > level) bl = bl.previous!;
    bl.upval = true;
    fs.needclose = true;
  }

  protected marktobeclosed(fs: FuncState): void {
    const bl = fs.bl!;
    bl.upval = true;
    bl.insidetbc = true;
    fs.needclose = true;
  }

  protected singlevaraux(fs: FuncState | null, n: string, v: ExpDesc, base: boolean): void {
    if (fs === null) { v.init(VK.VOID, 0); return; }
    const k = this.searchvar(fs, n, v);
    if (k !== -1) {
      if (k === VK.LOCAL && !base) this.markupval(fs, v.vidx);
      return;
    }
    let idx = this.searchupvalue(fs, n);
    if (idx < 0) {
      this.singlevaraux(fs.prev, n, v, false);
      if (v.k === VK.LOCAL || v.k === VK.UPVAL) idx = this.newupvalue(fs, n, v);
      else return;
    }
    v.init(VK.UPVAL, idx);
  }

  protected singlevar(name: string, v: ExpDesc): void {
    const fs = this.fs;
    this.singlevaraux(fs, name, v, true);
    if (v.k === VK.VOID) {
      this.singlevaraux(fs, '_ENV', v, true);
      const key = new ExpDesc().init(VK.KSTR, 0);
      key.strval = name;
      fs.indexed(v, key);
    }
  }

  protected adjustAssign(nvars: number, nexps: number, e: ExpDesc): void {
    const fs = this.fs;
    const needed = nvars - nexps;
    if (hasMultRet(e.k)) {
      let extra = needed + 1;
      if (extra < 0) extra = 0;
      fs.setreturns(e, extra);
    } else {
      if (e.k !== VK.VOID) fs.exp2nextreg(e);
      if (needed > 0) fs.nil(fs.freereg, needed);
    }
    if (needed > 0) fs.reserveregs(needed);
    else fs.freereg += needed;
  }

  // ---------------------------------------------------------------- gotos and labels

  /** Resolves pending goto `gt` to `label` (the caller drops it from the pending list). */
  protected solvegoto(gt: LabelDesc, label: LabelDesc, errLine: number): void {
    if (gt.nactvar < label.nactvar) {
      const varname = this.fs.getlocalvardesc(gt.nactvar).name;
      this.semerror(`<goto ${gt.name}> at line ${gt.line} jumps into the scope of local '${varname}'`, errLine);
    }
    this.fs.patchlist(gt.pc, label.pc);
  }

  protected findlabel(name: string): LabelDesc | null {
    const ll = this.ls.label;
    for (let i = this.fs.firstlabel; i < ll.length; i++) if (ll[i].name === name) return ll[i];
    return null;
  }
  protected newlabelentry(list: LabelDesc[], name: string, line: number, pc: number): number {
    list.push({ name, line, nactvar: this.fs.nactvar, close: false, pc });
    return list.length - 1;
  }

  /** Resolves the block's pending gotos to `lb` in one pass (lparser removes them one by one). */
  protected solvegotos(lb: LabelDesc, errLine: number): boolean {
    const gl = this.ls.gt;
    let needsclose = false;
    let w = this.fs.bl!.firstgoto;
    for (let i = w; i < gl.length; i++) {
      const gt = gl[i];
      if (gt.name === lb.name) {
        needsclose = needsclose || gt.close;
        this.solvegoto(gt, lb, errLine);
      } else gl[w++] = gt;
    }
    gl.length = w;
    return needsclose;
  }

  protected createlabel(name: string, line: number, last: boolean, errLine: number): boolean {
    const fs = this.fs;
    const ll = this.ls.label;
    const l = this.newlabelentry(ll, name, line, fs.getlabel());
    if (last) ll[l].nactvar = fs.bl!.nactvar;
    if (this.solvegotos(ll[l], errLine)) {
      fs.codeABC(Op.CLOSE, fs.nvarstack(), 0, 0);
      return true;
    }
    return false;
  }

  protected movegotosout(fs: FuncState, bl: BlockCnt): void {
    const gl = this.ls.gt;
    for (let i = bl.firstgoto; i < gl.length; i++) {
      const gt = gl[i];
      if (fs.reglevel(gt.nactvar) > fs.reglevel(bl.nactvar)) gt.close = gt.close || bl.upval;
      gt.nactvar = bl.nactvar;
    }
  }

  protected enterblock(fs: FuncState, isloop: boolean): BlockCnt {
    const bl: BlockCnt = {
      isloop, nactvar: fs.nactvar, firstlabel: this.ls.label.length, firstgoto: this.ls.gt.length,
      upval: false, insidetbc: fs.bl !== null && fs.bl.insidetbc, previous: fs.bl,
    };
    fs.bl = bl;
    return bl;
  }

  /** `errLine`: line lparser would be at when it finds an unresolved goto here. */
  protected leaveblock(fs: FuncState, errLine: number): void {
    const bl = fs.bl!;
    const ls = this.ls;
    let hasclose = false;
    const stklevel = fs.reglevel(bl.nactvar);
    if (bl.isloop) hasclose = this.createlabel('break', 0, false, errLine);
    if (!hasclose && bl.previous && bl.upval) fs.codeABC(Op.CLOSE, stklevel, 0, 0);
    fs.bl = bl.previous;
    this.removevars(fs, bl.nactvar);
    fs.freereg = stklevel;
    ls.label.length = bl.firstlabel;
    if (bl.previous) this.movegotosout(fs, bl);
    else if (bl.firstgoto < ls.gt.length) {
      const gt = ls.gt[bl.firstgoto];
      if (gt.name === 'break') this.semerror(`break outside loop at line ${gt.line}`, errLine);
      this.semerror(`no visible label '${gt.name}' for <goto> at line ${gt.line}`, errLine);
    }
  }

  // ---------------------------------------------------------------- functions

  protected openFunc(lineDefined: number): FuncState {
    const fs = new FuncState(this.ls, this.fs ?? null, lineDefined);
    this.fs = fs;
    this.enterblock(fs, false);
    return fs;
  }

  protected closeFunc(errLine: number): Proto {
    const fs = this.fs;
    fs.ret(fs.nvarstack(), 0);
    this.leaveblock(fs, errLine);
    const p = fs.finish();
    this.fs = fs.prev!;
    return p;
  }

  protected setvararg(fs: FuncState, nparams: number): void {
    fs.f.isVararg = true;
    fs.codeABC(Op.VARARGPREP, nparams, 0, 0);
  }
}
