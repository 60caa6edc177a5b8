// Per-function code generator: the port of lcode.c's rules (register allocation, jump
// lists, constants, operator selection, folding). The instructions it chooses are exactly
// luac 5.4.4's, so the interpreter can implement lvm.c's semantics and `luac5.4 -l` is the
// reference for tests. The statement/scope side (lparser.c) lives in compiler.ts.

import {
  Op, TM, MAXREGS, encABC, encABx, encAx, encSJ, getOp, getA, getB, getK, getSJ, Fmt,
} from '../vm/opcodes.js';
import type { Constant, LocVar, Proto, UpvalDesc } from './proto.js';
import { ExpDesc, VK, NO_JUMP, hasJumps } from './expdesc.js';
import { ArithOp, type Num, arith, floatToInt, validOp } from './fold.js';

/** Variable kinds of lparser.h (also UpvalDesc.kind). */
export const enum VarKind { REG = 0, CONST = 1, TOCLOSE = 2, CTC = 3 }

/** An active local variable (lparser's Vardesc). */
export interface VarDesc {
  name: string;
  kind: VarKind;
  ridx: number;   // register
  pidx: number;   // index in the proto's locVars
  k: Constant | null;  // value of a compile-time constant
}

export interface LabelDesc {
  name: string;
  pc: number;
  line: number;
  nactvar: number;
  close: boolean;
}

export interface BlockCnt {
  previous: BlockCnt | null;
  firstlabel: number;
  firstgoto: number;
  nactvar: number;
  upval: boolean;
  isloop: boolean;
  insidetbc: boolean;
}

/** State shared by all functions of one chunk (lparser's LexState + Dyndata). */
export interface Shared {
  /** Line of the last token "consumed": the line an emitted instruction gets. */
  lastLine: number;
  /** Active variables of all open functions; entries past `nactvarTotal` are stale but
   *  still read (lparser reads them for pending gotos leaving a block). */
  actvar: VarDesc[];
  nactvarTotal: number;
  gt: LabelDesc[];
  label: LabelDesc[];
  /** The scanner table luac uses to reuse constant indices (shared by all functions). */
  kcache: Map<KKey, number>;
  source: string;
  /** Raises a compile error; `near` false for lparser's semerror (no token part). */
  error(msg: string, line: number, near: boolean): never;
}

/** Binary operators in lcode.h's BinOpr order. */
export const enum BinOpr {
  ADD = 0, SUB, MUL, MOD, POW, DIV, IDIV, BAND, BOR, BXOR, SHL, SHR, CONCAT,
  EQ, LT, LE, NE, GT, GE, AND, OR, NOBINOPR,
}
export const enum UnOpr { MINUS = 0, BNOT, NOT, LEN }

const MAXINDEXRK = Fmt.MAXARG_B;
const NO_REG = Fmt.MAXARG_A;
const MULTRET = -1;

function isTMode(op: Op): boolean { return op >= Op.EQ && op <= Op.TESTSET; }

// Operand ranges as bigints, made once: bigint literals in hot tests would allocate.
const MIN_sC = -BigInt(Fmt.OFFSET_sC), MAX_sC = BigInt(Fmt.MAXARG_C - Fmt.OFFSET_sC);
const MIN_sBx = -BigInt(Fmt.OFFSET_sBx), MAX_sBx = BigInt(Fmt.MAXARG_Bx - Fmt.OFFSET_sBx);
const MAX_C = BigInt(Fmt.MAXARG_C);
function fitsC(i: bigint): boolean { return i >= MIN_sC && i <= MAX_sC; }
function fitsBx(i: bigint): boolean { return i >= MIN_sBx && i <= MAX_sBx; }

function setA(i: number, a: number): number { return (i & ~(0xff << 7)) | (a << 7); }
function setB(i: number, b: number): number { return (i & ~(0xff << 16)) | (b << 16); }
function setC(i: number, c: number): number { return ((i & 0x00ffffff) | (c << 24)) | 0; }
function setK(i: number, k: number): number { return (i & ~(1 << 15)) | (k << 15); }
function setOp(i: number, op: Op): number { return (i & ~0x7f) | op; }

/** Keys of the constant cache: strings, integers (bigint), floats, booleans, nil. */
export type KKey = string | bigint | number | boolean | symbol;
const NIL_KEY: unique symbol = Symbol('nil');

export class FuncState {
  readonly f: Proto;
  code: number[] = [];
  lines: number[] = [];
  readonly k: Constant[] = [];
  readonly locvars: LocVar[] = [];
  readonly upvalues: UpvalDesc[] = [];
  readonly protos: Proto[] = [];
  pc = 0;
  lasttarget = 0;
  freereg = 0;
  nactvar = 0;
  firstlocal: number;
  firstlabel: number;
  bl: BlockCnt | null = null;
  needclose = false;
  maxstacksize = 2;  // registers 0/1 are always valid

  constructor(readonly ls: Shared, readonly prev: FuncState | null, lineDefined: number) {
    this.firstlocal = ls.nactvarTotal;
    this.firstlabel = ls.label.length;
    this.f = {
      source: ls.source, lineDefined, lastLineDefined: 0, numParams: 0, isVararg: false,
      maxStackSize: 2, code: new Int32Array(0), lineInfo: new Int32Array(0),
      constants: this.k, upvalues: this.upvalues, protos: this.protos, locVars: this.locvars,
    };
  }

  error(msg: string, near = true): never {
    return this.ls.error(msg, this.ls.lastLine, near);
  }

  // ---- variables (needed by register freeing) ----

  getlocalvardesc(vidx: number): VarDesc { return this.ls.actvar[this.firstlocal + vidx]; }

  reglevel(nvar: number): number {
    while (nvar-- > 0) {
      const vd = this.getlocalvardesc(nvar);
      if (vd.kind !== VarKind.CTC) return vd.ridx + 1;
    }
    return 0;
  }

  nvarstack(): number { return this.reglevel(this.nactvar); }

  // ---- emission ----

  code1(i: number): number {
    this.code[this.pc] = i;
    this.lines[this.pc] = this.ls.lastLine;
    return this.pc++;
  }
  codeABCk(op: Op, a: number, b: number, c: number, k: number): number {
    return this.code1(encABC(op, a, b, c, k));
  }
  codeABC(op: Op, a: number, b: number, c: number): number {
    return this.code1(encABC(op, a, b, c, 0));
  }
  codeABx(op: Op, a: number, bx: number): number { return this.code1(encABx(op, a, bx)); }
  codeAsBx(op: Op, a: number, sbx: number): number { return this.code1(encABx(op, a, sbx + Fmt.OFFSET_sBx)); }
  codeExtraArg(a: number): number { return this.code1(encAx(Op.EXTRAARG, a)); }

  fixline(line: number): void { this.lines[this.pc - 1] = line; }

  removelastinstruction(): void { this.pc--; }

  codek(reg: number, k: number): number {
    if (k <= Fmt.MAXARG_Bx) return this.codeABx(Op.LOADK, reg, k);
    const p = this.codeABx(Op.LOADKX, reg, 0);
    this.codeExtraArg(k);
    return p;
  }

  previousinstruction(): number {
    // -1 decodes as an invalid opcode (127): no optimisation across a jump target.
    return this.pc > this.lasttarget ? this.code[this.pc - 1] : -1;
  }

  nil(from: number, n: number): void {
    let l = from + n - 1;
    const prev = this.previousinstruction();
    if (prev !== -1 && getOp(prev) === Op.LOADNIL) {
      const pfrom = getA(prev);
      const pl = pfrom + getB(prev);
      if ((pfrom <= from && from <= pl + 1) || (from <= pfrom && pfrom <= l + 1)) {
        if (pfrom < from) from = pfrom;
        if (pl > l) l = pl;
        this.code[this.pc - 1] = setB(setA(prev, from), l - from);
        return;
      }
    }
    this.codeABC(Op.LOADNIL, from, n - 1, 0);
  }

  // ---- jumps ----

  getjump(pc: number): number {
    const offset = getSJ(this.code[pc]);
    return offset === NO_JUMP ? NO_JUMP : pc + 1 + offset;
  }

  fixjump(pc: number, dest: number): void {
    const offset = dest - (pc + 1);
    if (!(-Fmt.OFFSET_sJ <= offset && offset <= Fmt.MAXARG_sJ - Fmt.OFFSET_sJ)) this.error('control structure too long');
    this.code[pc] = encSJ(Op.JMP, offset);
  }

  /**
   * Known last element of the jump list headed at each pc. lcode.c walks a list to its end on
   * every concatenation, which is quadratic for long `and`/`or` chains and elseif ladders;
   * starting from the remembered tail gives the same code in linear time.
   */
  private tails: number[] = [];

  concat(l1: number, l2: number): number {
    if (l2 === NO_JUMP) return l1;
    if (l1 === NO_JUMP) return l2;
    let list = this.tails[l1] ?? l1, next: number;
    while ((next = this.getjump(list)) !== NO_JUMP) list = next;
    this.fixjump(list, l2);
    this.tails[l1] = this.tails[l2] ?? l2;
    return l1;
  }

  jump(): number { return this.code1(encSJ(Op.JMP, NO_JUMP)); }

  ret(first: number, nret: number): void {
    const op = nret === 0 ? Op.RETURN0 : nret === 1 ? Op.RETURN1 : Op.RETURN;
    this.codeABC(op, first, nret + 1, 0);
  }

  condjump(op: Op, a: number, b: number, c: number, k: number): number {
    this.codeABCk(op, a, b, c, k);
    return this.jump();
  }

  getlabel(): number { this.lasttarget = this.pc; return this.pc; }

  getjumpcontrol(pc: number): number {
    return pc >= 1 && isTMode(getOp(this.code[pc - 1])) ? pc - 1 : pc;
  }

  patchtestreg(node: number, reg: number): boolean {
    const at = this.getjumpcontrol(node);
    const i = this.code[at];
    if (getOp(i) !== Op.TESTSET) return false;
    if (reg !== NO_REG && reg !== getB(i)) this.code[at] = setA(i, reg);
    else this.code[at] = encABC(Op.TEST, getB(i), 0, 0, getK(i));
    return true;
  }

  removevalues(list: number): void {
    for (; list !== NO_JUMP; list = this.getjump(list)) this.patchtestreg(list, NO_REG);
  }

  patchlistaux(list: number, vtarget: number, reg: number, dtarget: number): void {
    while (list !== NO_JUMP) {
      const next = this.getjump(list);
      if (this.patchtestreg(list, reg)) this.fixjump(list, vtarget);
      else this.fixjump(list, dtarget);
      list = next;
    }
  }

  patchlist(list: number, target: number): void { this.patchlistaux(list, target, NO_REG, target); }

  patchtohere(list: number): void { this.patchlist(list, this.getlabel()); }

  jumpto(target: number): void { this.patchlist(this.jump(), target); }

  // ---- registers ----

  checkstack(n: number): void {
    const newstack = this.freereg + n;
    if (newstack > this.maxstacksize) {
      if (newstack >= MAXREGS) this.error('function or expression needs too many registers');
      this.maxstacksize = newstack;
    }
  }

  reserveregs(n: number): void { this.checkstack(n); this.freereg += n; }

  freeRegister(reg: number): void {
    if (reg >= this.nvarstack()) this.freereg--;
  }

  freeregs(r1: number, r2: number): void {
    if (r1 > r2) { this.freeRegister(r1); this.freeRegister(r2); }
    else { this.freeRegister(r2); this.freeRegister(r1); }
  }

  freeexp(e: ExpDesc): void { if (e.k === VK.NONRELOC) this.freeRegister(e.info); }

  freeexps(e1: ExpDesc, e2: ExpDesc): void {
    const r1 = e1.k === VK.NONRELOC ? e1.info : -1;
    const r2 = e2.k === VK.NONRELOC ? e2.info : -1;
    this.freeregs(r1, r2);
  }

  // ---- constants ----

  /**
   * Index of a constant, reusing an entry when the cache (shared by all functions of the
   * chunk, like luac's scanner table) points at an equal constant of this function.
   */
  private addk(key: KKey, kind: Constant['kind'], value: unknown): number {
    const cache = this.ls.kcache;
    const idx = cache.get(key);
    if (idx !== undefined && idx < this.k.length) {
      const c = this.k[idx];
      if (c.kind === kind && (kind === 'nil' || (c as { value: unknown }).value === value)) return idx;
    }
    const k = this.k.length;
    if (k > Fmt.MAXARG_Ax) this.error('too many constants');
    cache.set(key, k);
    this.k.push((kind === 'nil' ? { kind } : { kind, value }) as Constant);
    return k;
  }
  stringK(s: string): number { return this.addk(s, 'str', s); }
  intK(n: bigint): number { return this.addk(n, 'int', n); }
  numberK(r: number): number {
    // An integral float needs a key that differs from the integer's: luaK_numberK adds the
    // smallest fraction still significant at its scale (2^-52 relative).
    const q = 2 ** -52;
    const key = floatToInt(r) === null ? r : r === 0 ? q : r + r * q;
    return this.addk(key, 'float', r);
  }
  boolK(b: boolean): number { return this.addk(b, 'bool', b); }
  nilK(): number { return this.addk(NIL_KEY, 'nil', null); }

  int(reg: number, i: bigint): void {
    if (fitsBx(i)) this.codeAsBx(Op.LOADI, reg, Number(i));
    else this.codek(reg, this.intK(i));
  }

  float(reg: number, f: number): void {
    const fi = floatToInt(f);
    if (fi !== null && fitsBx(fi)) this.codeAsBx(Op.LOADF, reg, Number(fi));
    else this.codek(reg, this.numberK(f));
  }

  // ---- expressions ----

  static tonumeral(e: ExpDesc): Num | null {
    if (hasJumps(e)) return null;
    if (e.k === VK.KINT) return { int: true, v: e.ival };
    if (e.k === VK.KFLT) return { int: false, v: e.nval };
    return null;
  }

  /** luaK_exp2const: the constant value of `e`, or null. */
  exp2const(e: ExpDesc): Constant | null {
    if (hasJumps(e)) return null;
    switch (e.k) {
      case VK.FALSE: return { kind: 'bool', value: false };
      case VK.TRUE: return { kind: 'bool', value: true };
      case VK.NIL: return { kind: 'nil' };
      case VK.KSTR: return { kind: 'str', value: e.strval };
      case VK.CONST: return this.ls.actvar[e.info].k;
      case VK.KINT: return { kind: 'int', value: e.ival };
      case VK.KFLT: return { kind: 'float', value: e.nval };
      default: return null;
    }
  }

  static const2exp(c: Constant, e: ExpDesc): void {
    switch (c.kind) {
      case 'int': e.k = VK.KINT; e.ival = c.value; break;
      case 'float': e.k = VK.KFLT; e.nval = c.value; break;
      case 'bool': e.k = c.value ? VK.TRUE : VK.FALSE; break;
      case 'nil': e.k = VK.NIL; break;
      case 'str': e.k = VK.KSTR; e.strval = c.value; break;
    }
  }

  setreturns(e: ExpDesc, nresults: number): void {
    const pc = e.info;
    if (e.k === VK.CALL) {
      this.code[pc] = setC(this.code[pc], nresults + 1);
    } else {
      this.code[pc] = setA(setC(this.code[pc], nresults + 1), this.freereg);
      this.reserveregs(1);
    }
  }

  setmultret(e: ExpDesc): void { this.setreturns(e, MULTRET); }

  str2K(e: ExpDesc): void {
    e.info = this.stringK(e.strval);
    e.k = VK.K;
  }

  setoneret(e: ExpDesc): void {
    if (e.k === VK.CALL) {
      e.k = VK.NONRELOC;
      e.info = getA(this.code[e.info]);
    } else if (e.k === VK.VARARG) {
      this.code[e.info] = setC(this.code[e.info], 2);
      e.k = VK.RELOC;
    }
  }

  dischargevars(e: ExpDesc): void {
    switch (e.k) {
      case VK.CONST: FuncState.const2exp(this.ls.actvar[e.info].k!, e); break;
      case VK.LOCAL: e.info = e.ridx; e.k = VK.NONRELOC; break;
      case VK.UPVAL: e.info = this.codeABC(Op.GETUPVAL, 0, e.info, 0); e.k = VK.RELOC; break;
      case VK.INDEXUP: e.info = this.codeABC(Op.GETTABUP, 0, e.indT, e.indIdx); e.k = VK.RELOC; break;
      case VK.INDEXI:
        this.freeRegister(e.indT);
        e.info = this.codeABC(Op.GETI, 0, e.indT, e.indIdx); e.k = VK.RELOC; break;
      case VK.INDEXSTR:
        this.freeRegister(e.indT);
        e.info = this.codeABC(Op.GETFIELD, 0, e.indT, e.indIdx); e.k = VK.RELOC; break;
      case VK.INDEXED:
        this.freeregs(e.indT, e.indIdx);
        e.info = this.codeABC(Op.GETTABLE, 0, e.indT, e.indIdx); e.k = VK.RELOC; break;
      case VK.VARARG: case VK.CALL: this.setoneret(e); break;
      default: break;
    }
  }

  discharge2reg(e: ExpDesc, reg: number): void {
    this.dischargevars(e);
    switch (e.k) {
      case VK.NIL: this.nil(reg, 1); break;
      case VK.FALSE: this.codeABC(Op.LOADFALSE, reg, 0, 0); break;
      case VK.TRUE: this.codeABC(Op.LOADTRUE, reg, 0, 0); break;
      case VK.KSTR: this.str2K(e); this.codek(reg, e.info); break;
      case VK.K: this.codek(reg, e.info); break;
      case VK.KFLT: this.float(reg, e.nval); break;
      case VK.KINT: this.int(reg, e.ival); break;
      case VK.RELOC: this.code[e.info] = setA(this.code[e.info], reg); break;
      case VK.NONRELOC: if (reg !== e.info) this.codeABC(Op.MOVE, reg, e.info, 0); break;
      default: return;  // VJMP: nothing to do yet
    }
    e.info = reg;
    e.k = VK.NONRELOC;
  }

  discharge2anyreg(e: ExpDesc): void {
    if (e.k !== VK.NONRELOC) {
      this.reserveregs(1);
      this.discharge2reg(e, this.freereg - 1);
    }
  }

  codeLoadbool(a: number, op: Op): number {
    this.getlabel();
    return this.codeABC(op, a, 0, 0);
  }

  needValue(list: number): boolean {
    for (; list !== NO_JUMP; list = this.getjump(list)) {
      if (getOp(this.code[this.getjumpcontrol(list)]) !== Op.TESTSET) return true;
    }
    return false;
  }

  exp2reg(e: ExpDesc, reg: number): void {
    this.discharge2reg(e, reg);
    if (e.k === VK.JMP) e.t = this.concat(e.t, e.info);
    if (hasJumps(e)) {
      let pf = NO_JUMP, pt = NO_JUMP;
      if (this.needValue(e.t) || this.needValue(e.f)) {
        const fj = e.k === VK.JMP ? NO_JUMP : this.jump();
        pf = this.codeLoadbool(reg, Op.LFALSESKIP);
        pt = this.codeLoadbool(reg, Op.LOADTRUE);
        this.patchtohere(fj);
      }
      const final = this.getlabel();
      this.patchlistaux(e.f, final, reg, pf);
      this.patchlistaux(e.t, final, reg, pt);
    }
    e.f = e.t = NO_JUMP;
    e.info = reg;
    e.k = VK.NONRELOC;
  }

  exp2nextreg(e: ExpDesc): void {
    this.dischargevars(e);
    this.freeexp(e);
    this.reserveregs(1);
    this.exp2reg(e, this.freereg - 1);
  }

  exp2anyreg(e: ExpDesc): number {
    this.dischargevars(e);
    if (e.k === VK.NONRELOC) {
      if (!hasJumps(e)) return e.info;
      if (e.info >= this.nvarstack()) {
        this.exp2reg(e, e.info);
        return e.info;
      }
    }
    this.exp2nextreg(e);
    return e.info;
  }

  exp2anyregup(e: ExpDesc): void {
    if (e.k !== VK.UPVAL || hasJumps(e)) this.exp2anyreg(e);
  }

  exp2val(e: ExpDesc): void {
    if (hasJumps(e)) this.exp2anyreg(e);
    else this.dischargevars(e);
  }

  exp2K(e: ExpDesc): boolean {
    if (!hasJumps(e)) {
      let info: number;
      switch (e.k) {
        case VK.TRUE: info = this.boolK(true); break;
        case VK.FALSE: info = this.boolK(false); break;
        case VK.NIL: info = this.nilK(); break;
        case VK.KINT: info = this.intK(e.ival); break;
        case VK.KFLT: info = this.numberK(e.nval); break;
        case VK.KSTR: info = this.stringK(e.strval); break;
        case VK.K: info = e.info; break;
        default: return false;
      }
      if (info <= MAXINDEXRK) {
        e.k = VK.K;
        e.info = info;
        return true;
      }
    }
    return false;
  }

  exp2RK(e: ExpDesc): number {
    if (this.exp2K(e)) return 1;
    this.exp2anyreg(e);
    return 0;
  }

  codeABRK(op: Op, a: number, b: number, ec: ExpDesc): void {
    const k = this.exp2RK(ec);
    this.codeABCk(op, a, b, ec.info, k);
  }

  storevar(v: ExpDesc, ex: ExpDesc): void {
    switch (v.k) {
      case VK.LOCAL:
        this.freeexp(ex);
        this.exp2reg(ex, v.ridx);
        return;
      case VK.UPVAL: {
        const e = this.exp2anyreg(ex);
        this.codeABC(Op.SETUPVAL, e, v.info, 0);
        break;
      }
      case VK.INDEXUP: this.codeABRK(Op.SETTABUP, v.indT, v.indIdx, ex); break;
      case VK.INDEXI: this.codeABRK(Op.SETI, v.indT, v.indIdx, ex); break;
      case VK.INDEXSTR: this.codeABRK(Op.SETFIELD, v.indT, v.indIdx, ex); break;
      case VK.INDEXED: this.codeABRK(Op.SETTABLE, v.indT, v.indIdx, ex); break;
      default: throw new Error('invalid variable kind to store');
    }
    this.freeexp(ex);
  }

  self(e: ExpDesc, key: ExpDesc): void {
    this.exp2anyreg(e);
    const ereg = e.info;
    this.freeexp(e);
    e.info = this.freereg;
    e.k = VK.NONRELOC;
    this.reserveregs(2);
    this.codeABRK(Op.SELF, e.info, ereg, key);
    this.freeexp(key);
  }

  negatecondition(e: ExpDesc): void {
    const at = this.getjumpcontrol(e.info);
    const i = this.code[at];
    this.code[at] = setK(i, getK(i) ^ 1);
  }

  jumponcond(e: ExpDesc, cond: number): number {
    if (e.k === VK.RELOC) {
      const ie = this.code[e.info];
      if (getOp(ie) === Op.NOT) {
        this.removelastinstruction();
        return this.condjump(Op.TEST, getB(ie), 0, 0, cond ^ 1);
      }
    }
    this.discharge2anyreg(e);
    this.freeexp(e);
    return this.condjump(Op.TESTSET, NO_REG, e.info, 0, cond);
  }

  goiftrue(e: ExpDesc): void {
    let pc: number;
    this.dischargevars(e);
    switch (e.k) {
      case VK.JMP: this.negatecondition(e); pc = e.info; break;
      case VK.K: case VK.KFLT: case VK.KINT: case VK.KSTR: case VK.TRUE: pc = NO_JUMP; break;
      default: pc = this.jumponcond(e, 0); break;
    }
    e.f = this.concat(e.f, pc);
    this.patchtohere(e.t);
    e.t = NO_JUMP;
  }

  goiffalse(e: ExpDesc): void {
    let pc: number;
    this.dischargevars(e);
    switch (e.k) {
      case VK.JMP: pc = e.info; break;
      case VK.NIL: case VK.FALSE: pc = NO_JUMP; break;
      default: pc = this.jumponcond(e, 1); break;
    }
    e.t = this.concat(e.t, pc);
    this.patchtohere(e.f);
    e.f = NO_JUMP;
  }

  codenot(e: ExpDesc): void {
    switch (e.k) {
      case VK.NIL: case VK.FALSE: e.k = VK.TRUE; break;
      case VK.K: case VK.KFLT: case VK.KINT: case VK.KSTR: case VK.TRUE: e.k = VK.FALSE; break;
      case VK.JMP: this.negatecondition(e); break;
      case VK.RELOC: case VK.NONRELOC:
        this.discharge2anyreg(e);
        this.freeexp(e);
        e.info = this.codeABC(Op.NOT, 0, e.info, 0);
        e.k = VK.RELOC;
        break;
      default: throw new Error('codenot: unexpected expression');
    }
    const tmp = e.f; e.f = e.t; e.t = tmp;
    this.removevalues(e.f);
    this.removevalues(e.t);
  }

  isKstr(e: ExpDesc): boolean {
    if (e.k !== VK.K || hasJumps(e) || e.info > Fmt.MAXARG_B) return false;
    const c = this.k[e.info];
    // luac's short strings are at most 40 bytes (LUAI_MAXSHORTLEN).
    return c.kind === 'str' && c.value.length <= 40;
  }

  static isKint(e: ExpDesc): boolean { return e.k === VK.KINT && !hasJumps(e); }
  static isCint(e: ExpDesc): boolean { return FuncState.isKint(e) && e.ival >= 0n && e.ival <= MAX_C; }
  static isSCint(e: ExpDesc): boolean { return FuncState.isKint(e) && fitsC(e.ival); }

  /** isSCnumber's results, set when it returns true (no allocation per test). */
  private scIm = 0;
  private scFloat = 0;

  /** isSCnumber: a numeral that fits sC; sets scIm (already offset) and scFloat. */
  isSCnumber(e: ExpDesc): boolean {
    let i: bigint;
    let isfloat = 0;
    if (e.k === VK.KINT) i = e.ival;
    else if (e.k === VK.KFLT) {
      const fi = floatToInt(e.nval);
      if (fi === null) return false;
      i = fi; isfloat = 1;
    } else return false;
    if (!hasJumps(e) && fitsC(i)) {
      this.scIm = Number(i) + Fmt.OFFSET_sC;
      this.scFloat = isfloat;
      return true;
    }
    return false;
  }

  indexed(t: ExpDesc, k: ExpDesc): void {
    if (k.k === VK.KSTR) this.str2K(k);
    if (t.k === VK.UPVAL && !this.isKstr(k)) this.exp2anyreg(t);
    if (t.k === VK.UPVAL) {
      t.indT = t.info;
      t.indIdx = k.info;
      t.k = VK.INDEXUP;
    } else {
      t.indT = t.k === VK.LOCAL ? t.ridx : t.info;
      if (this.isKstr(k)) {
        t.indIdx = k.info;
        t.k = VK.INDEXSTR;
      } else if (FuncState.isCint(k)) {
        t.indIdx = Number(k.ival);
        t.k = VK.INDEXI;
      } else {
        t.indIdx = this.exp2anyreg(k);
        t.k = VK.INDEXED;
      }
    }
  }

  constfolding(op: ArithOp, e1: ExpDesc, e2: ExpDesc): boolean {
    const v1 = FuncState.tonumeral(e1), v2 = FuncState.tonumeral(e2);
    if (v1 === null || v2 === null || !validOp(op, v1, v2)) return false;
    const res = arith(op, v1, v2);
    if (res.int) {
      e1.k = VK.KINT;
      e1.ival = res.v;
    } else {
      const n = res.v;
      if (Number.isNaN(n) || n === 0) return false;
      e1.k = VK.KFLT;
      e1.nval = n;
    }
    return true;
  }

  codeunexpval(op: Op, e: ExpDesc, line: number): void {
    const r = this.exp2anyreg(e);
    this.freeexp(e);
    e.info = this.codeABC(op, 0, r, 0);
    e.k = VK.RELOC;
    this.fixline(line);
  }

  finishbinexpval(e1: ExpDesc, e2: ExpDesc, op: Op, v2: number, flip: number, line: number,
    mmop: Op, event: TM): void {
    const v1 = this.exp2anyreg(e1);
    const pc = this.codeABCk(op, 0, v1, v2, 0);
    this.freeexps(e1, e2);
    e1.info = pc;
    e1.k = VK.RELOC;
    this.fixline(line);
    this.codeABCk(mmop, v1, v2, event, flip);
    this.fixline(line);
  }

  codebinexpval(op: Op, e1: ExpDesc, e2: ExpDesc, line: number): void {
    const v2 = this.exp2anyreg(e2);
    this.finishbinexpval(e1, e2, op, v2, 0, line, Op.MMBIN, (op - Op.ADD + TM.ADD) as TM);
  }

  codebini(op: Op, e1: ExpDesc, e2: ExpDesc, flip: number, line: number, event: TM): void {
    const v2 = Number(e2.ival) + Fmt.OFFSET_sC;
    this.finishbinexpval(e1, e2, op, v2, flip, line, Op.MMBINI, event);
  }

  finishbinexpneg(e1: ExpDesc, e2: ExpDesc, op: Op, line: number, event: TM): boolean {
    if (!FuncState.isKint(e2)) return false;
    const i2 = e2.ival;
    if (!(fitsC(i2) && fitsC(-i2))) return false;
    const v2 = Number(i2);
    this.finishbinexpval(e1, e2, op, -v2 + Fmt.OFFSET_sC, 0, line, Op.MMBINI, event);
    this.code[this.pc - 1] = setB(this.code[this.pc - 1], v2 + Fmt.OFFSET_sC);
    return true;
  }

  static swapexps(e1: ExpDesc, e2: ExpDesc): void {
    const tmp = e1.clone();
    e1.copyFrom(e2);
    e2.copyFrom(tmp);
  }

  codearith(opr: BinOpr, e1: ExpDesc, e2: ExpDesc, flip: number, line: number): void {
    const event = (opr + TM.ADD) as TM;
    if (FuncState.tonumeral(e2) !== null && this.exp2K(e2)) {
      this.finishbinexpval(e1, e2, (opr + Op.ADDK) as Op, e2.info, flip, line, Op.MMBINK, event);
    } else {
      if (flip) FuncState.swapexps(e1, e2);
      this.codebinexpval((opr + Op.ADD) as Op, e1, e2, line);
    }
  }

  codecommutative(op: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): void {
    let flip = 0;
    if (FuncState.tonumeral(e1) !== null) {
      FuncState.swapexps(e1, e2);
      flip = 1;
    }
    if (op === BinOpr.ADD && FuncState.isSCint(e2)) this.codebini(Op.ADDI, e1, e2, flip, line, TM.ADD);
    else this.codearith(op, e1, e2, flip, line);
  }

  codebitwise(opr: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): void {
    let flip = 0;
    if (e1.k === VK.KINT && this.exp2RK(e1)) {
      FuncState.swapexps(e1, e2);
      flip = 1;
    } else if (!(e2.k === VK.KINT && this.exp2RK(e2))) {
      this.codebinexpval((opr + Op.ADD) as Op, e1, e2, line);
      return;
    }
    this.finishbinexpval(e1, e2, (opr + Op.ADDK) as Op, e2.info, flip, line, Op.MMBINK, (opr + TM.ADD) as TM);
  }

  codeorder(op: Op, e1: ExpDesc, e2: ExpDesc): void {
    let r1: number, r2: number;
    let isfloat = 0;
    if (this.isSCnumber(e2)) {
      r1 = this.exp2anyreg(e1);
      r2 = this.scIm; isfloat = this.scFloat;
      op = (op - Op.LT + Op.LTI) as Op;
    } else if (this.isSCnumber(e1)) {
      r1 = this.exp2anyreg(e2);
      r2 = this.scIm; isfloat = this.scFloat;
      op = op === Op.LT ? Op.GTI : Op.GEI;
    } else {
      r1 = this.exp2anyreg(e1);
      r2 = this.exp2anyreg(e2);
    }
    this.freeexps(e1, e2);
    e1.info = this.condjump(op, r1, r2, isfloat, 1);
    e1.k = VK.JMP;
  }

  codeeq(opr: BinOpr, e1: ExpDesc, e2: ExpDesc): void {
    let r2: number;
    let op: Op;
    if (e1.k !== VK.NONRELOC) FuncState.swapexps(e1, e2);
    const r1 = this.exp2anyreg(e1);
    // The float flag of EQI stays 0 here, as in lcode.c (its isfloat is "not needed").
    if (this.isSCnumber(e2)) {
      op = Op.EQI;
      r2 = this.scIm;
    } else if (this.exp2RK(e2)) {
      op = Op.EQK;
      r2 = e2.info;
    } else {
      op = Op.EQ;
      r2 = this.exp2anyreg(e2);
    }
    this.freeexps(e1, e2);
    e1.info = this.condjump(op, r1, r2, 0, opr === BinOpr.EQ ? 1 : 0);
    e1.k = VK.JMP;
  }

  prefix(op: UnOpr, e: ExpDesc, line: number): void {
    this.dischargevars(e);
    switch (op) {
      case UnOpr.MINUS: case UnOpr.BNOT: {
        const ef = new ExpDesc().init(VK.KINT, 0);
        ef.ival = 0n;
        if (this.constfolding(op === UnOpr.MINUS ? ArithOp.UNM : ArithOp.BNOT, e, ef)) break;
        this.codeunexpval(op === UnOpr.MINUS ? Op.UNM : Op.BNOT, e, line);
        break;
      }
      case UnOpr.LEN: this.codeunexpval(Op.LEN, e, line); break;
      case UnOpr.NOT: this.codenot(e); break;
    }
  }

  infix(op: BinOpr, v: ExpDesc): void {
    this.dischargevars(v);
    switch (op) {
      case BinOpr.AND: this.goiftrue(v); break;
      case BinOpr.OR: this.goiffalse(v); break;
      case BinOpr.CONCAT: this.exp2nextreg(v); break;
      case BinOpr.ADD: case BinOpr.SUB: case BinOpr.MUL: case BinOpr.DIV: case BinOpr.IDIV:
      case BinOpr.MOD: case BinOpr.POW: case BinOpr.BAND: case BinOpr.BOR: case BinOpr.BXOR:
      case BinOpr.SHL: case BinOpr.SHR:
        if (FuncState.tonumeral(v) === null) this.exp2anyreg(v);
        break;
      case BinOpr.EQ: case BinOpr.NE:
        if (FuncState.tonumeral(v) === null) this.exp2RK(v);
        break;
      case BinOpr.LT: case BinOpr.LE: case BinOpr.GT: case BinOpr.GE:
        if (!this.isSCnumber(v)) this.exp2anyreg(v);
        break;
      default: throw new Error('infix: bad operator');
    }
  }

  codeconcat(e1: ExpDesc, e2: ExpDesc, line: number): void {
    const ie2 = this.previousinstruction();
    if (ie2 !== -1 && getOp(ie2) === Op.CONCAT) {
      const n = getB(ie2);
      this.freeexp(e2);
      this.code[this.pc - 1] = setB(setA(ie2, e1.info), n + 1);
    } else {
      this.codeABC(Op.CONCAT, e1.info, 2, 0);
      this.freeexp(e2);
      this.fixline(line);
    }
  }

  posfix(opr: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): void {
    this.dischargevars(e2);
    if (opr <= BinOpr.SHR && this.constfolding(opr as number as ArithOp, e1, e2)) return;
    switch (opr) {
      case BinOpr.AND:
        e2.f = this.concat(e2.f, e1.f);
        e1.copyFrom(e2);
        break;
      case BinOpr.OR:
        e2.t = this.concat(e2.t, e1.t);
        e1.copyFrom(e2);
        break;
      case BinOpr.CONCAT:
        this.exp2nextreg(e2);
        this.codeconcat(e1, e2, line);
        break;
      case BinOpr.ADD: case BinOpr.MUL:
        this.codecommutative(opr, e1, e2, line);
        break;
      case BinOpr.SUB:
        if (this.finishbinexpneg(e1, e2, Op.ADDI, line, TM.SUB)) break;
        this.codearith(opr, e1, e2, 0, line);
        break;
      case BinOpr.DIV: case BinOpr.IDIV: case BinOpr.MOD: case BinOpr.POW:
        this.codearith(opr, e1, e2, 0, line);
        break;
      case BinOpr.BAND: case BinOpr.BOR: case BinOpr.BXOR:
        this.codebitwise(opr, e1, e2, line);
        break;
      case BinOpr.SHL:
        if (FuncState.isSCint(e1)) {
          FuncState.swapexps(e1, e2);
          this.codebini(Op.SHLI, e1, e2, 1, line, TM.SHL);
        } else if (!this.finishbinexpneg(e1, e2, Op.SHRI, line, TM.SHL)) {
          this.codebinexpval(Op.SHL, e1, e2, line);
        }
        break;
      case BinOpr.SHR:
        if (FuncState.isSCint(e2)) this.codebini(Op.SHRI, e1, e2, 0, line, TM.SHR);
        else this.codebinexpval(Op.SHR, e1, e2, line);
        break;
      case BinOpr.EQ: case BinOpr.NE:
        this.codeeq(opr, e1, e2);
        break;
      case BinOpr.LT: case BinOpr.LE:
        this.codeorder((opr - BinOpr.EQ + Op.EQ) as Op, e1, e2);
        break;
      case BinOpr.GT: case BinOpr.GE:
        FuncState.swapexps(e1, e2);
        this.codeorder((opr - BinOpr.NE + Op.EQ) as Op, e1, e2);
        break;
      default: throw new Error('posfix: bad operator');
    }
  }

  settablesize(pc: number, ra: number, asize: number, hsize: number): void {
    const rb = hsize !== 0 ? ceillog2(hsize) + 1 : 0;
    const extra = Math.floor(asize / (Fmt.MAXARG_C + 1));
    const rc = asize % (Fmt.MAXARG_C + 1);
    this.code[pc] = encABC(Op.NEWTABLE, ra, rb, rc, extra > 0 ? 1 : 0);
    this.code[pc + 1] = encAx(Op.EXTRAARG, extra);
  }

  setlist(base: number, nelems: number, tostore: number): void {
    if (tostore === MULTRET) tostore = 0;
    if (nelems <= Fmt.MAXARG_C) this.codeABC(Op.SETLIST, base, tostore, nelems);
    else {
      const extra = Math.floor(nelems / (Fmt.MAXARG_C + 1));
      this.codeABCk(Op.SETLIST, base, tostore, nelems % (Fmt.MAXARG_C + 1), 1);
      this.codeExtraArg(extra);
    }
    this.freereg = base + 1;
  }

  finaltarget(i: number): number {
    for (let count = 0; count < 100; count++) {
      const pc = this.code[i];
      if (getOp(pc) !== Op.JMP) break;
      i += getSJ(pc) + 1;
    }
    return i;
  }

  /** luaK_finish: final RETURN/TAILCALL flags and jump threading, then freeze the Proto. */
  finish(): Proto {
    const p = this.f;
    for (let i = 0; i < this.pc; i++) {
      let ins = this.code[i];
      let op = getOp(ins);
      if ((op === Op.RETURN0 || op === Op.RETURN1) && (this.needclose || p.isVararg)) {
        ins = setOp(ins, Op.RETURN);  // RETURN does the extra work
        op = Op.RETURN;
      }
      if (op === Op.RETURN || op === Op.TAILCALL) {
        if (this.needclose) ins = setK(ins, 1);
        if (p.isVararg) ins = setC(ins, p.numParams + 1);
        this.code[i] = ins;
      } else if (op === Op.JMP) {
        this.fixjump(i, this.finaltarget(i));
      }
    }
    this.code.length = this.pc;
    this.lines.length = this.pc;
    p.code = Int32Array.from(this.code);
    p.lineInfo = Int32Array.from(this.lines);
    p.maxStackSize = this.maxstacksize;
    return p;
  }
}

function ceillog2(x: number): number {
  let l = 0;
  x--;
  while (x >= 1) { l++; x = Math.floor(x / 2); }
  return l;
}

