// Byte layout of arena objects: the one place the interpreter, the GC and (later) machine code
// agree on. Offsets are relative to an object's ref (a 16-byte-aligned byte offset).
//
// Every block (object or raw part) has an 8-byte header just below its ref:
//   ref-8  u32  block size in bytes, header included (a multiple of 16)
//   ref-4  i32  GC word: bits 0-3 object kind (a Tag, or 0 for raw parts like an array part),
//               bit 4 MARK (reachable in the current collection), bit 5 FINOBJ (registered
//               for finalization by setmetatable and its __gc not yet called)
//
// TValue (16 bytes): payload at +0 (int64 lo at +0, hi at +4 / double / ref / string id),
// tag at +8, 4 spare bytes at +12 (hash nodes keep their chain link there).
//
// A const enum, so that tsc writes the numbers into the code that uses them: V8 reads an
// imported `const` through its module cell with a hole check on every use, in the hottest
// paths of the interpreter and the heap.

export const enum Layout {
  BLOCK_HEADER = 8,
  GC_KIND_MASK = 0xf,
  GC_MARK = 0x10,
  GC_FINOBJ = 0x20,
  /** Kind of a block on a free list (never a live object). */
  KIND_FREE = 0xf,
  /** Kind of a raw part owned by an object (array part, hash nodes, stack). */
  KIND_RAW = 0,

  /** GC kinds of objects that are not Lua values (no Tag of their own). */
  KIND_UPVAL = 12,
  KIND_PROTO = 13,

  /** Tag of a hash-node key whose entry was removed and whose object may be gone (DEADKEY). */
  TAG_DEADKEY = 15,

  // ---- fixed area at the start of the arena ------------------------------------------------
  /** A TValue that is always nil. */
  NIL_PTR = 16,
  /** The shared empty hash part (one node, never written): tables with no hash use it. */
  DUMMY_NODE = 32,
  /** Scratch TValues for the heap's own use (normalised keys). */
  SCRATCH = 64,
  /** First block header; first ref is FIRST_BLOCK + 8. */
  FIRST_BLOCK = 136,

  // ---- table ---------------------------------------------------------------------------
  T_META = 0,      // i32 metatable ref (0 = none)
  T_FLAGS = 4,     // u8  bit e set = metamethod event e (INDEX..EQ) known absent
  T_LSIZE = 5,     // u8  log2 of the node count (0 with the dummy node)
  T_ARRAY = 8,     // i32 array part ref: t[i] is at array + 16*(i-1)
  T_ASIZE = 12,    // i32 array part size
  T_NODE = 16,     // i32 hash part ref (DUMMY_NODE when empty)
  T_LASTFREE = 20, // i32 ref of the node above the last free candidate (0 = none)
  TABLE_SIZE = 24,

  // ---- hash node (32 bytes) ----------------------------------------------------------------
  N_KEY = 0,       // key TValue; its tag at +8
  N_NEXT = 12,     // i32 ref of the next node in the chain (0 = end)
  N_VAL = 16,      // value TValue
  NODE_SIZE = 32,

  // ---- Lua closure ---------------------------------------------------------------------
  CL_PROTO = 0,    // i32 proto object ref
  CL_NUP = 4,      // i32 upvalue count
  CL_UPVALS = 8,   // i32 upvalue refs

  // ---- upvalue -------------------------------------------------------------------------
  UV_THREAD = 0,   // i32 thread ref while open, 0 once closed
  UV_SLOT = 4,     // i32 stack slot while open
  UV_NEXT = 8,     // i32 next open upvalue of the thread
  UV_VALUE = 16,   // TValue: the value once closed
  UPVAL_SIZE = 32,

  // ---- proto ---------------------------------------------------------------------------
  P_INDEX = 0,     // i32 index of the JS Proto
  P_NK = 4,        // i32 constant count
  P_NCHILD = 8,    // i32 child count
  P_CODE = 12,     // i32 byte offset, from the proto object, of its copy of the bytecode
  P_CONSTS = 16,   // TValue[nk], i32 child refs, then the interpreter's words: the frame
                   // word, the code's length n, the code, n field caches, n back-edge counters
  /** The frame word (the i32 two before the code): maxStackSize, numParams << PF_NPARAMS,
   *  PF_VARARG if vararg. */
  PF_NPARAMS = 8,
  PF_VARARG = 0x10000,

  // ---- host function -------------------------------------------------------------------
  H_HANDLE = 0,    // i32 JS handle index
  H_NUP = 4,       // i32 upvalue count
  H_UPVALS = 16,   // TValue[nup]

  // ---- userdata ------------------------------------------------------------------------
  U_HANDLE = 0,    // i32 JS handle index
  U_META = 4,      // i32 metatable ref
  U_NUV = 8,       // i32 user value count
  U_UVALS = 16,    // TValue[nuv]

  // ---- thread --------------------------------------------------------------------------
  TH_STACK = 0,    // i32 ref of slot 0
  TH_SIZE = 4,     // i32 slots
  TH_TOP = 8,      // i32 first dead slot
  TH_OPENUV = 12,  // i32 open upvalue list head (highest slot first)
  THREAD_SIZE = 32, // 16 spare bytes at +16 for the VM
}
