// Shared declarations of the lunet addon's modules (arena, code, enter). See native/README.md.
//
// All bookkeeping is per Node environment (main thread or worker): each loads the addon into
// its own Instance (napi instance data), so workers running Lua states in parallel never
// share a table. Only the probe is stateless.
#pragma once

#include <napi.h>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace lunet {

struct Arena;

// Arenas of one environment by base address. Shared with each Arena record, because at
// environment teardown the arena finalizers and the instance finalizer run in no set order.
struct ArenaTable {
  std::unordered_map<const uint8_t*, Arena*> live;
};

struct Arena {
  uint8_t* base;
  size_t size;
  // Set once releaseArena has unmapped the memory; the finalizer then only frees this record.
  bool released;
  std::shared_ptr<ArenaTable> table;
};

struct Chunk {
  uint8_t* base;  // nullptr once freed; the slot is then reused by the next alloc
  size_t size;
  bool exec;
};

struct Instance {
  std::shared_ptr<ArenaTable> arenas = std::make_shared<ArenaTable>();
  std::vector<Chunk> chunks;
  // enter() usually runs code from the chunk it ran last; checking that one first keeps the
  // per-call validation to a few compares.
  size_t lastRun = 0;
  // enter()'s context: ctx = ctxArena + offset; the arena is kept alive by ctxRef.
  uint8_t* ctx = nullptr;
  uint8_t* ctxArena = nullptr;
  napi_ref ctxRef = nullptr;
};

Instance& InstanceOf(napi_env env);

// ---- arena.cc: mmap'd memory exposed to JS as external ArrayBuffers ----------------------
void InitArena(Napi::Env env, Napi::Object exports);
// The size of the live arena starting at `base`, or 0 if `base` starts no live arena.
size_t ArenaSize(Instance& inst, const uint8_t* base);

// ---- code.cc: W^X code chunks -----------------------------------------------------------
void InitCode(Napi::Env env, Napi::Object exports);
// True if `addr` lies in a live chunk that is currently executable (never RW).
bool CodeRunnable(Instance& inst, uintptr_t addr);
// Unmaps every chunk (environment teardown).
void FreeAllChunks(Instance& inst);
// Maps, writes `mov eax, 42; ret`, flips it to RX and runs it: "" if all worked, else why not
// (e.g. the kernel refused PROT_EXEC).
std::string ProbeCodeMemory();

// ---- enter.cc: the raw N-API trace entry ------------------------------------------------
void InitEnter(Napi::Env env, Napi::Object exports);
// Called before an arena is unmapped so enter() can never read freed memory.
void EnterForgetArena(napi_env env, Instance& inst, const uint8_t* base);

std::string ErrnoText(int err);

}  // namespace lunet
