// Trace entry. enter() is a raw N-API callback with no arguments (node-addon-api's wrappers and
// argument conversion roughly double the cost of a call): everything it needs was set once by
// setEnterContext or is written by TS into the context block in the arena.
//
// Convention (native/README.md): ctx = arena base + offset; the u64 at ctx+0 is the address of
// the machine code; it is called as  int64_t code(uint8_t* ctx, uint8_t* arena_base)  under the
// System V ABI (rdi = ctx, rsi = arena base) and its result is enter()'s return value.
#include "lunet.h"

#include <cstdio>
#include <cstring>

namespace lunet {

namespace {

using TraceFn = int64_t (*)(uint8_t* ctx, uint8_t* arena_base);

void DropContext(napi_env env, Instance& inst) {
  if (inst.ctxRef != nullptr) napi_delete_reference(env, inst.ctxRef);
  inst.ctxRef = nullptr;
  inst.ctx = nullptr;
  inst.ctxArena = nullptr;
}

napi_value Enter(napi_env env, napi_callback_info /*info*/) {
  void* data;
  napi_get_instance_data(env, &data);
  Instance& inst = *static_cast<Instance*>(data);
  if (inst.ctx == nullptr) {
    napi_throw_error(env, nullptr, "enter: no context (call setEnterContext first)");
    return nullptr;
  }
  uint64_t addr;
  std::memcpy(&addr, inst.ctx, sizeof addr);
  // A stale or garbage address would crash the process; code in a RW chunk would fault.
  if (!CodeRunnable(inst, static_cast<uintptr_t>(addr))) {
    char msg[96];
    std::snprintf(msg, sizeof msg, "enter: 0x%llx is not in an executable lunet code chunk",
                  static_cast<unsigned long long>(addr));
    napi_throw_error(env, nullptr, msg);
    return nullptr;
  }
  int64_t r = reinterpret_cast<TraceFn>(static_cast<uintptr_t>(addr))(inst.ctx, inst.ctxArena);
  napi_value out;
  napi_create_int64(env, r, &out);
  return out;
}

// setEnterContext(arena: ArrayBuffer, offset: number)
Napi::Value SetEnterContext(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Instance& inst = InstanceOf(env);
  if (!info[0].IsArrayBuffer()) throw Napi::TypeError::New(env, "setEnterContext: expected an arena ArrayBuffer");
  Napi::ArrayBuffer ab = info[0].As<Napi::ArrayBuffer>();
  uint8_t* base = static_cast<uint8_t*>(ab.Data());
  size_t size = base == nullptr ? 0 : ArenaSize(inst, base);
  if (size == 0 || size != ab.ByteLength()) throw Napi::TypeError::New(env, "setEnterContext: not a lunet arena");
  if (!info[1].IsNumber()) throw Napi::TypeError::New(env, "setEnterContext: offset must be a number");
  double off = info[1].As<Napi::Number>().DoubleValue();
  if (!(off >= 0) || off != static_cast<double>(static_cast<size_t>(off)) || static_cast<size_t>(off) % 8 != 0 ||
      static_cast<size_t>(off) + 8 > size) {
    throw Napi::RangeError::New(env, "setEnterContext: offset must be 8-aligned with 8 bytes inside the arena");
  }
  DropContext(env, inst);
  napi_status st = napi_create_reference(env, ab, 1, &inst.ctxRef);
  if (st != napi_ok) throw Napi::Error::New(env, "setEnterContext: cannot reference the arena");
  inst.ctxArena = base;
  inst.ctx = base + static_cast<size_t>(off);
  return env.Undefined();
}

Napi::Value ClearEnterContext(const Napi::CallbackInfo& info) {
  DropContext(info.Env(), InstanceOf(info.Env()));
  return info.Env().Undefined();
}

// Test aid, called *from machine code* (never from JS): writes into out[0..3] the permission
// letters ("r-xp", ...) of the /proc/self/maps line holding the caller's return address, i.e.
// of the code that is running right now.
extern "C" void LunetTestRunningPerms(char* out) {
  uintptr_t where = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
  std::memcpy(out, "????", 4);
  FILE* f = std::fopen("/proc/self/maps", "r");
  if (f == nullptr) return;
  char line[512];
  while (std::fgets(line, sizeof line, f) != nullptr) {
    unsigned long long lo = 0, hi = 0;
    char perms[5] = {0};
    if (std::sscanf(line, "%llx-%llx %4s", &lo, &hi, perms) == 3 && where >= lo && where < hi) {
      std::memcpy(out, perms, 4);
      break;
    }
  }
  std::fclose(f);
}

Napi::Value TestHelperAddress(const Napi::CallbackInfo& info) {
  return Napi::BigInt::New(info.Env(), static_cast<uint64_t>(reinterpret_cast<uintptr_t>(&LunetTestRunningPerms)));
}

}  // namespace

void EnterForgetArena(napi_env env, Instance& inst, const uint8_t* base) {
  if (inst.ctxArena == base) DropContext(env, inst);
}

void InitEnter(Napi::Env env, Napi::Object exports) {
  napi_value fn;
  if (napi_create_function(env, "enter", NAPI_AUTO_LENGTH, Enter, nullptr, &fn) != napi_ok) {
    throw Napi::Error::New(env, "cannot create enter()");
  }
  exports.Set("enter", Napi::Value(env, fn));
  exports.Set("setEnterContext", Napi::Function::New(env, SetEnterContext, "setEnterContext"));
  exports.Set("clearEnterContext", Napi::Function::New(env, ClearEnterContext, "clearEnterContext"));
  exports.Set("testHelperAddress", Napi::Function::New(env, TestHelperAddress, "testHelperAddress"));
}

}  // namespace lunet
