// Numbers shared by the interpreter, the call machinery and library code.

/** `nresults` meaning "all of them" (LUA_MULTRET). */
export const MULTRET = -1;

/** Pseudo-index of the registry in API calls; host upvalue i (1-based) is REGISTRYINDEX - i. */
export const REGISTRYINDEX = -1001000;
export function upvalueIndex(i: number): number { return REGISTRYINDEX - i; }

/** A host function returns one of these instead of a result count to ask the caller for
 *  something: CALLK: "call what I prepared with L.callK, then run my continuation";
 *  YIELD: "suspend this coroutine" (only coroutine.yield uses it). */
export const CALLK = -1;
export const YIELD = -2;

/** Continuation status passed to a host continuation. */
export const OK = 0;
export const ERRRUN = 2;

/** Free slots a host function may push without checking (LUA_MINSTACK). */
export const MINSTACK = 20;
/** Slots kept free above every Lua frame for metamethod calls (EXTRA_STACK). */
export const EXTRA_STACK = 5;
/** Lua's stack limit in slots (LUAI_MAXSTACK) and the extra room granted to handle the error. */
export const MAXSTACK = 1000000;
export const ERRORSTACKSIZE = MAXSTACK + 200;
/** Nesting of JS-level calls (host -> Lua -> host ...), LUAI_MAXCCALLS. */
export const MAXCCALLS = 200;

/** A CallInfo entry's int fields: entry `ci` occupies ThreadData.cis[(ci << 4) .. (ci << 4) + 15],
 *  so a call's bookkeeping touches one typed array (one map and bounds check base) instead of
 *  one array per field. */
export const enum CIF {
  /** Slot of the called function. */
  Func = 0,
  /** First slot of the frame's registers/arguments. */
  Base = 1,
  /** Lua frames: base + maxstacksize (the frame's live limit). Host frames: unused. */
  Top = 2,
  /** Lua frames: index of the next instruction, saved when the frame calls out. */
  Pc = 3,
  /** Results the caller wants (MULTRET = -1). */
  Nres = 4,
  /** CIST bits. */
  Flags = 5,
  /** Lua vararg frames: number of extra arguments. PCALL host frames: slot of the pending
   *  callee. */
  Extra = 6,
  /** XPCALL frames: the errfunc to restore. */
  OldErr = 7,
  /** Host frames waiting on callK: L.nCcalls before the call (restored by the continuation). */
  Cc = 8,
  /** Lua frames: closure ref (saves a decode on every return). */
  Cl = 9,
  /** Lua frames: the proto ref (its Proto is heap.protoOf(ref)). */
  Pref = 10,
}

/** CallInfo flags. */
export const enum CIST {
  LUA = 1,        // a Lua frame
  HOST = 2,       // a host-function frame
  FRESH = 4,      // entered from JS: returning from it leaves the current execute()
  PCALL = 8,      // a host frame whose pending callK call is protected
  FINISHOP = 16,  // a Lua metamethod frame: on return, complete the caller's instruction
  LEQ = 32,       // __le emulated through 'not __lt(b, a)': negate the result
  TAIL = 64,      // the frame was entered by a tail call
  WAITK = 128,    // a host frame waiting for its callK call to return
  FIN = 256,      // this frame is calling a __gc finalizer
  XPCALL = 512,   // the PCALL frame installed a message handler (restore errfunc)
  HOOKED = 1024,  // a hook is running on top of this frame (getinfo names the hook 'hook')
  NOHOOK = 2048,  // PCALL frame entered while hooks were off (inside a hook): restore that
}

/** Hook mask bits (LUA_MASKCALL/RET/LINE/COUNT) and events (LUA_HOOKCALL...). */
export const HOOK_CALL = 1, HOOK_RET = 2, HOOK_LINE = 4, HOOK_COUNT = 8;
export const enum HookEvent { CALL = 0, RET = 1, LINE = 2, COUNT = 3, TAILCALL = 4 }
