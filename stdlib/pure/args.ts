// Argument checks shared by the pure library cores (luaL_checkinteger / checknumber /
// checklstring semantics on plain JS values).
//
//   LuaArg: bigint = Lua integer, number = Lua float, string, boolean, null = nil,
//           { typeName } = any other Lua value (typeName as luaL_typename/__name would print).
//   ArgError: a LuaRuntimeError carrying `arg` (Lua argument number), `extra` (the text in
//           parentheses) and `fname`; its message is 5.4's
//           "bad argument #<arg> to '<fname>' (<extra>)". Callers that know a better function
//           name (e.g. 'string.format') or a method call can rebuild it from the fields.

import { LuaRuntimeError } from '../../lang/heap/errors.js';
import { str2number, float2int, fmtFloat } from '../../lang/num/index.js';

export interface LuaOpaque { readonly typeName: string }
export type LuaArg = bigint | number | string | boolean | null | LuaOpaque;

export class ArgError extends LuaRuntimeError {
  readonly arg: number;
  readonly extra: string;
  readonly fname: string;
  constructor(arg: number, extra: string, fname: string) {
    super(`bad argument #${arg} to '${fname}' (${extra})`);
    this.arg = arg;
    this.extra = extra;
    this.fname = fname;
  }
}

export function typeNameOf(v: LuaArg | undefined): string {
  if (v === undefined) return 'no value';
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'bigint': case 'number': return 'number';
    case 'string': return 'string';
    case 'boolean': return 'boolean';
    default: return v.typeName;
  }
}

/** luaL_checkinteger on args[i] (Lua argument number i + base). With noneIsNil, a missing
 *  argument reads as nil (string.pack leaves a nil above its arguments). */
export function checkInteger(args: readonly LuaArg[], i: number, base: number, fname: string,
  noneIsNil = false): bigint {
  const v = i >= args.length && noneIsNil ? null : args[i];
  if (typeof v === 'bigint') return v;
  let n: number | bigint | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') n = str2number(v);
  if (n === undefined) throw new ArgError(i + base, `number expected, got ${typeNameOf(v)}`, fname);
  if (typeof n === 'bigint') return n;
  const r = float2int(n);
  if (r === undefined) throw new ArgError(i + base, 'number has no integer representation', fname);
  return r;
}

/** luaL_checknumber on args[i]. */
export function checkNumber(args: readonly LuaArg[], i: number, base: number, fname: string,
  noneIsNil = false): number {
  const v = i >= args.length && noneIsNil ? null : args[i];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const n = str2number(v);
    if (n !== undefined) return typeof n === 'bigint' ? Number(n) : n;
  }
  throw new ArgError(i + base, `number expected, got ${typeNameOf(v)}`, fname);
}

/** luaL_checklstring on args[i]: strings, and numbers converted as tostring does. */
export function checkString(args: readonly LuaArg[], i: number, base: number, fname: string,
  noneIsNil = false): string {
  const v = i >= args.length && noneIsNil ? null : args[i];
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return fmtFloat(v);
  throw new ArgError(i + base, `string expected, got ${typeNameOf(v)}`, fname);
}
