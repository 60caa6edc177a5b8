// Arenas: one mmap'd byte range per Lua state, seen by JS as an external ArrayBuffer and by
// machine code at a fixed address. MAP_NORESERVE so a 1 GiB reservation costs only the pages
// that get touched.
#include "lunet.h"

#include <cerrno>
#include <sys/mman.h>

namespace lunet {

namespace {

// Arena references are 32-bit offsets (DESIGN §3), and Node 20 refuses external buffers
// larger than this anyway.
constexpr double kMaxArena = 4294967296.0;

void FinalizeArena(napi_env /*env*/, void* /*data*/, void* hint) {
  Arena* a = static_cast<Arena*>(hint);
  if (!a->released) {
    // The buffer is unreachable, and setEnterContext holds a strong reference to the arena it
    // uses, so enter() cannot be pointing here.
    auto it = a->table->live.find(a->base);
    if (it != a->table->live.end() && it->second == a) a->table->live.erase(it);
    munmap(a->base, a->size);
  }
  delete a;
}

// The live arena behind `value` (of this environment), or throws a JS TypeError.
Arena* ArenaOf(Napi::Env env, Instance& inst, Napi::Value value) {
  if (!value.IsArrayBuffer()) throw Napi::TypeError::New(env, "expected an arena ArrayBuffer");
  void* data = nullptr;
  size_t len = 0;
  if (napi_get_arraybuffer_info(env, value, &data, &len) != napi_ok || data == nullptr) {
    throw Napi::TypeError::New(env, "not a live lunet arena (detached or empty)");
  }
  auto it = inst.arenas->live.find(static_cast<uint8_t*>(data));
  if (it == inst.arenas->live.end() || it->second->size != len) {
    throw Napi::TypeError::New(env, "not a lunet arena");
  }
  return it->second;
}

Napi::Value CreateArena(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Instance& inst = InstanceOf(env);
  if (!info[0].IsNumber()) throw Napi::TypeError::New(env, "arena size must be a number");
  double want = info[0].As<Napi::Number>().DoubleValue();
  if (!(want >= 1) || want > kMaxArena || want != static_cast<double>(static_cast<uint64_t>(want))) {
    throw Napi::RangeError::New(env, "arena size must be an integer from 1 byte to 4 GiB");
  }
  size_t size = static_cast<size_t>(want);
  void* mem = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) {
    throw Napi::Error::New(env, "mmap of " + std::to_string(size) + " bytes for an arena failed: " + ErrnoText(errno));
  }
  Arena* a = new Arena{static_cast<uint8_t*>(mem), size, false, inst.arenas};
  napi_value ab;
  if (napi_create_external_arraybuffer(env, mem, size, FinalizeArena, a, &ab) != napi_ok) {
    // Node calls the finalizer itself when it refuses the buffer (which unmaps and frees `a`);
    // freeing here too would be a double free, so the rare other failure leaks address space.
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) {
      napi_value e;
      napi_get_and_clear_last_exception(env, &e);
      throw Napi::Error(env, e);
    }
    throw Napi::Error::New(env, "napi_create_external_arraybuffer failed (external buffers not allowed here?)");
  }
  inst.arenas->live[a->base] = a;
  return Napi::Value(env, ab);
}

// Detaches the buffer (every JS view of it becomes empty) and only then unmaps, so no JS access
// can reach unmapped pages. Throws if the buffer cannot be detached, leaving it mapped.
Napi::Value ReleaseArena(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Instance& inst = InstanceOf(env);
  Arena* a = ArenaOf(env, inst, info[0]);
  uint8_t* base = a->base;
  size_t size = a->size;
  EnterForgetArena(env, inst, base);
  a->released = true;
  inst.arenas->live.erase(base);
  // From here `a` may be freed by a finalizer run during the detach: use only the locals.
  if (napi_detach_arraybuffer(env, info[0]) != napi_ok) {
    a->released = false;  // detach failed, so the backing store (and `a`) is still alive
    inst.arenas->live[base] = a;
    throw Napi::Error::New(env, "arena ArrayBuffer cannot be detached; it stays mapped until collected");
  }
  munmap(base, size);
  return env.Undefined();
}

Napi::Value ArenaAddress(const Napi::CallbackInfo& info) {
  Arena* a = ArenaOf(info.Env(), InstanceOf(info.Env()), info[0]);
  return Napi::BigInt::New(info.Env(), static_cast<uint64_t>(reinterpret_cast<uintptr_t>(a->base)));
}

Napi::Value IsArena(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsArrayBuffer()) return Napi::Boolean::New(env, false);
  void* data = nullptr;
  size_t len = 0;
  if (napi_get_arraybuffer_info(env, info[0], &data, &len) != napi_ok || data == nullptr) {
    return Napi::Boolean::New(env, false);
  }
  return Napi::Boolean::New(env, ArenaSize(InstanceOf(env), static_cast<uint8_t*>(data)) == len);
}

}  // namespace

size_t ArenaSize(Instance& inst, const uint8_t* base) {
  auto it = inst.arenas->live.find(base);
  return it == inst.arenas->live.end() ? 0 : it->second->size;
}

void InitArena(Napi::Env env, Napi::Object exports) {
  exports.Set("createArena", Napi::Function::New(env, CreateArena, "createArena"));
  exports.Set("releaseArena", Napi::Function::New(env, ReleaseArena, "releaseArena"));
  exports.Set("arenaAddress", Napi::Function::New(env, ArenaAddress, "arenaAddress"));
  exports.Set("isArena", Napi::Function::New(env, IsArena, "isArena"));
}

}  // namespace lunet
