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

export const BLOCK_HEADER = 8;
export const GC_KIND_MASK = 0xf;
export const GC_MARK = 0x10;
export const GC_FINOBJ = 0x20;
/** Kind of a block on a free list (never a live object). */
export const KIND_FREE = 0xf;
/** Kind of a raw part owned by an object (array part, hash nodes, stack). */
export const KIND_RAW = 0;

/** GC kinds of objects that are not Lua values (no Tag of their own). */
export const KIND_UPVAL = 12;
export const KIND_PROTO = 13;

/** Tag of a hash-node key whose entry was removed and whose object may be gone (DEADKEY). */
export const TAG_DEADKEY = 15;

// ---- fixed area at the start of the arena ------------------------------------------------
/** A TValue that is always nil. */
export const NIL_PTR = 16;
/** The shared empty hash part (one node, never written): tables with no hash use it. */
export const DUMMY_NODE = 32;
/** Scratch TValues for the heap's own use (normalised keys). */
export const SCRATCH = 64;
/** First block header; first ref is FIRST_BLOCK + 8. */
export const FIRST_BLOCK = 136;

// ---- table ---------------------------------------------------------------------------
export const T_META = 0;      // i32 metatable ref (0 = none)
export const T_FLAGS = 4;     // u8  bit e set = metamethod event e (INDEX..EQ) known absent
export const T_LSIZE = 5;     // u8  log2 of the node count (0 with the dummy node)
export const T_ARRAY = 8;     // i32 array part ref: t[i] is at array + 16*(i-1)
export const T_ASIZE = 12;    // i32 array part size
export const T_NODE = 16;     // i32 hash part ref (DUMMY_NODE when empty)
export const T_LASTFREE = 20; // i32 ref of the node above the last free candidate (0 = none)
export const TABLE_SIZE = 24;

// ---- hash node (32 bytes) ----------------------------------------------------------------
export const N_KEY = 0;       // key TValue; its tag at +8
export const N_NEXT = 12;     // i32 ref of the next node in the chain (0 = end)
export const N_VAL = 16;      // value TValue
export const NODE_SIZE = 32;

// ---- Lua closure ---------------------------------------------------------------------
export const CL_PROTO = 0;    // i32 proto object ref
export const CL_NUP = 4;      // i32 upvalue count
export const CL_UPVALS = 8;   // i32 upvalue refs

// ---- upvalue -------------------------------------------------------------------------
export const UV_THREAD = 0;   // i32 thread ref while open, 0 once closed
export const UV_SLOT = 4;     // i32 stack slot while open
export const UV_NEXT = 8;     // i32 next open upvalue of the thread
export const UV_VALUE = 16;   // TValue: the value once closed
export const UPVAL_SIZE = 32;

// ---- proto ---------------------------------------------------------------------------
export const P_INDEX = 0;     // i32 index of the JS Proto
export const P_NK = 4;        // i32 constant count
export const P_NCHILD = 8;    // i32 child count
export const P_CONSTS = 16;   // TValue[nk], then i32 child refs

// ---- host function -------------------------------------------------------------------
export const H_HANDLE = 0;    // i32 JS handle index
export const H_NUP = 4;       // i32 upvalue count
export const H_UPVALS = 16;   // TValue[nup]

// ---- userdata ------------------------------------------------------------------------
export const U_HANDLE = 0;    // i32 JS handle index
export const U_META = 4;      // i32 metatable ref
export const U_NUV = 8;       // i32 user value count
export const U_UVALS = 16;    // TValue[nuv]

// ---- thread --------------------------------------------------------------------------
export const TH_STACK = 0;    // i32 ref of slot 0
export const TH_SIZE = 4;     // i32 slots
export const TH_TOP = 8;      // i32 first dead slot
export const TH_OPENUV = 12;  // i32 open upvalue list head (highest slot first)
export const THREAD_SIZE = 32; // 16 spare bytes at +16 for the VM
