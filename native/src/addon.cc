// Module entry: per-environment state, the three parts, and a self test (probe) the TS loader
// uses to decide whether the JIT can run here.
#include "lunet.h"

#include <cstring>
#include <unistd.h>

namespace lunet {

std::string ErrnoText(int err) { return std::string(std::strerror(err)); }

Instance& InstanceOf(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return *static_cast<Instance*>(data);
}

static void FinalizeInstance(napi_env /*env*/, void* data, void* /*hint*/) {
  Instance* inst = static_cast<Instance*>(data);
  FreeAllChunks(*inst);
  delete inst;  // arenas still alive keep their ArenaTable through their own shared_ptr
}

static Napi::Value Probe(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), ProbeCodeMemory());
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  Instance* inst = new Instance();
  if (napi_set_instance_data(env, inst, FinalizeInstance, nullptr) != napi_ok) {
    delete inst;
    throw Napi::Error::New(env, "lunet addon: cannot set instance data");
  }
  InitArena(env, exports);
  InitCode(env, exports);
  InitEnter(env, exports);
  exports.Set("probe", Napi::Function::New(env, Probe, "probe"));
  exports.Set("pageSize", Napi::Number::New(env, static_cast<double>(sysconf(_SC_PAGESIZE))));
  return exports;
}

}  // namespace lunet

// NODE_API_MODULE pastes the name into an identifier, so it must be unqualified.
static Napi::Object InitLunet(Napi::Env env, Napi::Object exports) { return lunet::Init(env, exports); }

NODE_API_MODULE(lunet, InitLunet)
