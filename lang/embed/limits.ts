// Time and instruction limits of one top-level call into Lua, through the VM's budget hook
// (VmHooks.budget: called every `interval` back-edges + calls, also between trace entries).
//
// Once a limit has run out it stays run out until the top-level call ends: the hook sets the
// VM's counter to 1 so that every later back-edge or call raises the error again. A script
// that catches it with pcall (`while true do pcall(f) end`) gets it again at its next loop
// iteration or call, so the call always ends.
import type { LuaState } from '../vm/state.js';

export type Tripped = '' | 'timeout' | 'instructions';

/** Back-edges + calls between two checks of the clock: performance.now() costs ~50 ns, so the
 *  check stays below 1% of interpreter time. */
const CHECK_INTERVAL = 1000;

export class Limits {
  private deadline = Infinity;
  private used = 0;
  tripped: Tripped = '';
  readonly interval: number;

  constructor(private readonly L: LuaState, readonly timeLimit: number, readonly instructionLimit: number) {
    this.interval = instructionLimit > 0 ? Math.max(1, Math.min(CHECK_INTERVAL, instructionLimit)) : CHECK_INTERVAL;
    if (timeLimit > 0 || instructionLimit > 0) L.setBudgetHook(() => this.check(), this.interval);
  }

  get active(): boolean { return this.timeLimit > 0 || this.instructionLimit > 0; }

  /** A top-level call starts: a fresh budget. */
  start(): void {
    this.tripped = '';
    this.used = 0;
    this.deadline = this.timeLimit > 0 ? performance.now() + this.timeLimit : Infinity;
    if (this.active) { this.L.loopCounter = this.interval; this.L.budgetCalls = this.interval; }
  }

  /** The top-level call ended: nothing runs until the next start(). */
  stop(): void {
    this.deadline = Infinity;
  }

  private check(): void {
    if (this.tripped === '') {
      if (this.instructionLimit > 0) {
        this.used += this.interval;
        if (this.used > this.instructionLimit) this.tripped = 'instructions';
      }
      if (this.tripped === '' && performance.now() > this.deadline) this.tripped = 'timeout';
      if (this.tripped === '') return;
    }
    const L = this.L;
    L.loopCounter = 1;
    L.budgetCalls = 1;
    L.runError(this.tripped === 'timeout' ? 'time limit exceeded' : 'instruction limit exceeded');
  }
}
