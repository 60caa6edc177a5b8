// Expression descriptors: the compiler's view of a partly generated expression, as in
// lparser.h. An expression stays "pending" (a constant, a variable, a relocatable
// instruction) for as long as possible so the code generator can pick the cheapest form.

export const enum VK {
  VOID,       // empty expression list / no value
  NIL, TRUE, FALSE,
  K,          // info = constant index
  KFLT,       // nval
  KINT,       // ival
  KSTR,       // strval
  NONRELOC,   // info = result register
  LOCAL,      // ridx = register, vidx = compiler index of the variable
  UPVAL,      // info = upvalue index
  CONST,      // info = absolute index in the active-variable list (compile-time constant)
  INDEXED,    // indT = table register, indIdx = key register
  INDEXUP,    // indT = upvalue, indIdx = constant index of a short string
  INDEXI,     // indT = table register, indIdx = integer key
  INDEXSTR,   // indT = table register, indIdx = constant index of a short string
  JMP,        // info = pc of the jump of a comparison
  RELOC,      // info = pc of an instruction whose A can still be chosen
  CALL,       // info = pc of the CALL
  VARARG,     // info = pc of the VARARG
}

export const NO_JUMP = -1;

export class ExpDesc {
  k: VK = VK.VOID;
  info = 0;
  ival = 0n;
  nval = 0;
  strval = '';
  ridx = 0;
  vidx = 0;
  indT = 0;
  indIdx = 0;
  /** Patch lists of jumps taken when the expression is true / false. */
  t = NO_JUMP;
  f = NO_JUMP;

  init(k: VK, info: number): this {
    this.k = k; this.info = info; this.t = NO_JUMP; this.f = NO_JUMP;
    return this;
  }

  copyFrom(o: ExpDesc): void {
    this.k = o.k; this.info = o.info; this.ival = o.ival; this.nval = o.nval;
    this.strval = o.strval; this.ridx = o.ridx; this.vidx = o.vidx;
    this.indT = o.indT; this.indIdx = o.indIdx; this.t = o.t; this.f = o.f;
  }

  clone(): ExpDesc { const e = new ExpDesc(); e.copyFrom(this); return e; }
}

export function hasJumps(e: ExpDesc): boolean { return e.t !== e.f; }
export function hasMultRet(k: VK): boolean { return k === VK.CALL || k === VK.VARARG; }
export function isIndexed(k: VK): boolean { return k >= VK.INDEXED && k <= VK.INDEXSTR; }
export function isVar(k: VK): boolean { return k >= VK.LOCAL && k <= VK.INDEXSTR; }
