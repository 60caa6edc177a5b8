import type { LuaState } from './state.js';

/** A host (TS) function as library code writes it: arguments are the `nargs` values at stack
 *  slots [base, base+nargs) (API index 1..nargs); push results and return how many, or return
 *  `L.callK(...)` / `L.yield(...)`. */
export type HostFn = (L: LuaState, base: number, nargs: number) => number;

/** Continuation of a host function that used L.callK: called when that call has returned
 *  (status OK, results on top) or raised an error caught for a protected callK (status ERRRUN,
 *  error value on top). Returns like a HostFn. */
export type HostK = (L: LuaState, status: number, ctx: number) => number;

/** Hooks for the JIT and budgets, called at loop back-edges, calls and tail calls when
 *  L.loopCounter runs out. Contract for `budget` (sandbox time/instruction limits): once set,
 *  it is called at least once every L.budgetInterval back-edges + calls, also while traces
 *  run (a trace leaves through its budget check); it may throw a Lua error to stop the run. */
export interface VmHooks {
  /** May run compiled code for the loop and return the pc to continue at (-1: carry on). */
  hotLoop?: (protoRef: number, pc: number) => number | void;
  budget?: () => void;
}
