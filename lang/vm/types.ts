import type { LuaState } from './state.js';

/** A host (TS) function as library code writes it: arguments are the `nargs` values at stack
 *  slots [base, base+nargs) (API index 1..nargs); push results and return how many, or return
 *  `L.callK(...)` / `L.yield(...)`. */
export type HostFn = (L: LuaState, base: number, nargs: number) => number;

/** Continuation of a host function that used L.callK: called when that call has returned
 *  (status OK, results on top) or raised an error caught for a protected callK (status ERRRUN,
 *  error value on top). Returns like a HostFn. */
export type HostK = (L: LuaState, status: number, ctx: number) => number;

/** Hooks for the JIT and budgets. Back-edges (FORLOOP, TFORLOOP, backward JMP) count down
 *  one counter per loop, `hot[idx]` (hot: the arena's Int32Array view; idx: the word of the
 *  back-edge instruction's counter in its proto object, see Layout.P_CONSTS, or with a budget
 *  the shared L.budgetIdx); when it runs out the VM calls `hotLoop`, which sets `hot[idx]` to the number of
 *  back-edges until it wants to be called again for that loop (without a JIT: never).
 *  Contract for `budget` (sandbox time/instruction limits): once set, it is called at least
 *  once every L.budgetInterval back-edges + calls, also while traces run (a trace leaves
 *  through its budget check, and the budget is charged after every trace run); it may throw
 *  a Lua error to stop the run. While a budget is set all loops share one counter, so
 *  `hotLoop` then sees a sample of the back-edges. */
export interface VmHooks {
  /** May run compiled code for the loop whose body starts at `pc` and return the pc to
   *  continue at (-1: carry on). Must set hot[idx] >= 1. */
  hotLoop?: (protoRef: number, pc: number, hot: Int32Array, idx: number) => number;
  budget?: () => void;
}
