// `lunet -l`: a listing of a Proto in the style of `luac5.4 -l` (and `-l -l` with `full`).
// Instruction lines have luac's layout and operands, so the two listings can be compared
// line by line; headers show no addresses.

import {
  Op, OP_NAMES, TM_NAMES, getOp, getA, getB, getC, getK, getSB, getSC, getBx, getSBx, getAx, getSJ, Fmt,
} from '../vm/opcodes.js';
import { fmtG } from '../num/index.js';
import { chunkId } from '../front/index.js';
import type { Constant, Proto } from './proto.js';

function quoteString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += '\\\\'; break;
      case 0x07: out += '\\a'; break;
      case 0x08: out += '\\b'; break;
      case 0x0c: out += '\\f'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0d: out += '\\r'; break;
      case 0x09: out += '\\t'; break;
      case 0x0b: out += '\\v'; break;
      default:
        out += c >= 0x20 && c < 0x7f ? s[i] : '\\' + String(c).padStart(3, '0');
    }
  }
  return out + '"';
}

function fmtFloatK(v: number): string {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v !== v) return v > 0 ? 'nan' : '-nan';
  const s = fmtG(v, 14);
  return /^-?\d+$/.test(s) ? s + '.0' : s;
}

export function constantText(c: Constant): string {
  switch (c.kind) {
    case 'nil': return 'nil';
    case 'bool': return c.value ? 'true' : 'false';
    case 'int': return c.value.toString();
    case 'float': return fmtFloatK(c.value);
    case 'str': return quoteString(c.value);
  }
}

function constantType(c: Constant): string {
  switch (c.kind) {
    case 'nil': return 'N';
    case 'bool': return 'B';
    case 'int': return 'I';
    case 'float': return 'F';
    case 'str': return 'S';
  }
}

function upvalName(p: Proto, i: number): string {
  return p.upvalues[i]?.name ?? '-';
}

/** Operands and comment of instruction `pc`, as luac's PrintCode writes them. */
export function instructionText(p: Proto, pc: number): { name: string; args: string; comment: string } {
  const i = p.code[pc];
  const op = getOp(i);
  const a = getA(i), b = getB(i), c = getC(i), k = getK(i);
  const sb = getSB(i), sc = getSC(i), bx = getBx(i), sbx = getSBx(i);
  const isk = k ? 'k' : '';
  const K = (n: number) => (p.constants[n] ? constantText(p.constants[n]) : '?');
  const rk = (n: number) => (k ? K(n) : '');
  let args = '';
  let comment = '';
  switch (op) {
    case Op.MOVE: args = `${a} ${b}`; break;
    case Op.LOADI: case Op.LOADF: args = `${a} ${sbx}`; break;
    case Op.LOADK: args = `${a} ${bx}`; comment = K(bx); break;
    case Op.LOADKX: args = `${a}`; comment = K(getAx(p.code[pc + 1])); break;
    case Op.LOADFALSE: case Op.LFALSESKIP: case Op.LOADTRUE: args = `${a}`; break;
    case Op.LOADNIL: args = `${a} ${b}`; comment = `${b + 1} out`; break;
    case Op.GETUPVAL: case Op.SETUPVAL: args = `${a} ${b}`; comment = upvalName(p, b); break;
    case Op.GETTABUP: args = `${a} ${b} ${c}`; comment = `${upvalName(p, b)} ${K(c)}`; break;
    case Op.GETTABLE: case Op.GETI: args = `${a} ${b} ${c}`; break;
    case Op.GETFIELD: args = `${a} ${b} ${c}`; comment = K(c); break;
    case Op.SETTABUP:
      args = `${a} ${b} ${c}${isk}`;
      comment = `${upvalName(p, a)} ${K(b)}` + (k ? ' ' + K(c) : '');
      break;
    case Op.SETTABLE: case Op.SETI: args = `${a} ${b} ${c}${isk}`; comment = rk(c); break;
    case Op.SETFIELD: args = `${a} ${b} ${c}${isk}`; comment = K(b) + (k ? ' ' + K(c) : ''); break;
    case Op.NEWTABLE: {
      args = `${a} ${b} ${c}`;
      const extra = k ? getAx(p.code[pc + 1]) : 0;
      comment = String(c + extra * (Fmt.MAXARG_C + 1));
      break;
    }
    case Op.SELF: args = `${a} ${b} ${c}${isk}`; comment = rk(c); break;
    case Op.ADDI: case Op.SHRI: case Op.SHLI: args = `${a} ${b} ${sc}`; break;
    case Op.ADDK: case Op.SUBK: case Op.MULK: case Op.MODK: case Op.POWK: case Op.DIVK:
    case Op.IDIVK: case Op.BANDK: case Op.BORK: case Op.BXORK:
      args = `${a} ${b} ${c}`; comment = K(c); break;
    case Op.ADD: case Op.SUB: case Op.MUL: case Op.MOD: case Op.POW: case Op.DIV: case Op.IDIV:
    case Op.BAND: case Op.BOR: case Op.BXOR: case Op.SHL: case Op.SHR:
      args = `${a} ${b} ${c}`; break;
    case Op.MMBIN: args = `${a} ${b} ${c}`; comment = TM_NAMES[c] ?? '?'; break;
    case Op.MMBINI:
      args = `${a} ${sb} ${c} ${k}`; comment = (TM_NAMES[c] ?? '?') + (k ? ' flip' : ''); break;
    case Op.MMBINK:
      args = `${a} ${b} ${c} ${k}`; comment = `${TM_NAMES[c] ?? '?'} ${K(b)}` + (k ? ' flip' : ''); break;
    case Op.UNM: case Op.BNOT: case Op.NOT: case Op.LEN: case Op.CONCAT: args = `${a} ${b}`; break;
    case Op.CLOSE: case Op.TBC: args = `${a}`; break;
    case Op.JMP: { const sj = getSJ(i); args = `${sj}`; comment = `to ${sj + pc + 2}`; break; }
    case Op.EQ: case Op.LT: case Op.LE: args = `${a} ${b} ${k}`; break;
    case Op.EQK: args = `${a} ${b} ${k}`; comment = K(b); break;
    case Op.EQI: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI: args = `${a} ${sb} ${k}`; break;
    case Op.TEST: args = `${a} ${k}`; break;
    case Op.TESTSET: args = `${a} ${b} ${k}`; break;
    case Op.CALL:
      args = `${a} ${b} ${c}`;
      comment = `${b === 0 ? 'all' : b - 1} in ${c === 0 ? 'all' : c - 1} out`;
      break;
    case Op.TAILCALL: args = `${a} ${b} ${c}${isk}`; comment = `${b - 1} in`; break;  // luac prints -1 for "all"
    case Op.RETURN: args = `${a} ${b} ${c}${isk}`; comment = `${b === 0 ? 'all' : b - 1} out`; break;
    case Op.RETURN0: args = ''; break;
    case Op.RETURN1: args = `${a}`; break;
    case Op.FORLOOP: args = `${a} ${bx}`; comment = `to ${pc - bx + 2}`; break;
    case Op.FORPREP: args = `${a} ${bx}`; comment = `exit to ${pc + bx + 3}`; break;
    case Op.TFORPREP: args = `${a} ${bx}`; comment = `to ${pc + bx + 2}`; break;
    case Op.TFORCALL: args = `${a} ${c}`; break;
    case Op.TFORLOOP: args = `${a} ${bx}`; comment = `to ${pc - bx + 2}`; break;
    case Op.SETLIST: {
      args = `${a} ${b} ${c}`;
      if (k) comment = String(c + getAx(p.code[pc + 1]) * (Fmt.MAXARG_C + 1));
      break;
    }
    case Op.CLOSURE: args = `${a} ${bx}`; comment = `function ${bx}`; break;
    case Op.VARARG: args = `${a} ${c}`; comment = c === 0 ? 'all out' : `${c - 1} out`; break;
    case Op.VARARGPREP: args = `${a}`; break;
    case Op.EXTRAARG: args = `${getAx(i)}`; break;
    default: args = `${a} ${b} ${c}`; break;
  }
  return { name: OP_NAMES[op] ?? `OP${op}`, args, comment };
}

/** One instruction line: `\t1\t[line]\tOPNAME    \tA B C\t; comment`. */
export function instructionLine(p: Proto, pc: number): string {
  const { name, args, comment } = instructionText(p, pc);
  const line = p.lineInfo[pc];
  let s = `\t${pc + 1}\t[${line > 0 ? line : '-'}]\t${name.padEnd(9)}\t${args}`;
  if (comment) s += `\t; ${comment}`;
  return s;
}

function plural(n: number, word: string, pl = word + 's'): string {
  return `${n} ${n === 1 ? word : pl}`;
}

function listOne(p: Proto, isMain: boolean, full: boolean, out: string[]): void {
  const src = chunkId(p.source);
  out.push('');
  out.push(`${isMain ? 'main' : 'function'} <${src}:${p.lineDefined},${p.lastLineDefined}> (${plural(p.code.length, 'instruction')})`);
  out.push(`${p.numParams}${p.isVararg ? '+' : ''} ${p.numParams === 1 ? 'param' : 'params'}, ` +
    `${plural(p.maxStackSize, 'slot')}, ${plural(p.upvalues.length, 'upvalue')}, ` +
    `${plural(p.locVars.length, 'local')}, ${plural(p.constants.length, 'constant')}, ` +
    `${plural(p.protos.length, 'function')}`);
  for (let pc = 0; pc < p.code.length; pc++) out.push(instructionLine(p, pc));
  if (full) {
    out.push(`constants (${p.constants.length}):`);
    p.constants.forEach((c, i) => out.push(`\t${i}\t${constantType(c)}\t${constantText(c)}`));
    out.push(`locals (${p.locVars.length}):`);
    p.locVars.forEach((v, i) => out.push(`\t${i}\t${v.name}\t${v.startPc + 1}\t${v.endPc + 1}`));
    out.push(`upvalues (${p.upvalues.length}):`);
    p.upvalues.forEach((u, i) => out.push(`\t${i}\t${u.name}\t${u.inStack ? 1 : 0}\t${u.index}`));
  }
  for (const child of p.protos) listOne(child, false, full, out);
}

/** The listing of `p` and its nested functions (depth first, as luac prints them). */
export function listProto(p: Proto, full = false): string {
  const out: string[] = [];
  listOne(p, true, full, out);
  return out.join('\n') + '\n';
}
