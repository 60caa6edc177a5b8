// Shared declarations of the lunet addon's modules (arena, code, enter). See native/README.md.
#pragma once

#include <napi.h>
#include <cstddef>
#include <cstdint>
#include <string>

namespace lunet {

// ---- arena.cc: mmap'd memory exposed to JS as external ArrayBuffers ----------------------
void InitArena(Napi::Env env, Napi::Object exports);
// The size of the live arena starting at `base`, or 0 if `base` starts no live arena.
size_t ArenaSize(const uint8_t* base);

// ---- code.cc: W^X code chunks -----------------------------------------------------------
void InitCode(Napi::Env env, Napi::Object exports);
// True if [addr, addr+1) lies in a live chunk that is currently executable (never RW).
bool CodeRunnable(uintptr_t addr);
// Maps, writes `ret 42`-style probe code, flips it to RX and runs it: "" if all worked,
// else why not (e.g. the kernel refused PROT_EXEC).
std::string ProbeCodeMemory();

// ---- enter.cc: the raw N-API trace entry ------------------------------------------------
void InitEnter(Napi::Env env, Napi::Object exports);
// Called before an arena is unmapped so enter() can never read freed memory.
void EnterForgetArena(napi_env env, const uint8_t* base);

std::string ErrnoText(int err);

}  // namespace lunet
