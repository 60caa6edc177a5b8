// Module entry: per-environment state, the three parts, and a self test (probe) the TS loader
// uses to decide whether the JIT can run here.
#include "lunet.h"

#include <cstdio>
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

// The CLI's exit once its script is done and its output written: _exit does not wait for
// V8's background threads (an optimizing compile still running would delay the exit by up
// to a few hundred ms) nor tear down a heap the process is about to drop.
static Napi::Value ExitNow(const Napi::CallbackInfo& info) {
  int code = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().Int32Value() : 0;
  std::fflush(nullptr);
  _exit(code);
  return info.Env().Undefined();
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
  exports.Set("exitNow", Napi::Function::New(env, ExitNow, "exitNow"));
  exports.Set("probe", Napi::Function::New(env, Probe, "probe"));
  exports.Set("pageSize", Napi::Number::New(env, static_cast<double>(sysconf(_SC_PAGESIZE))));
  return exports;
}

}  // namespace lunet

// NODE_API_MODULE pastes the name into an identifier, so it must be unqualified.
static Napi::Object InitLunet(Napi::Env env, Napi::Object exports) { return lunet::Init(env, exports); }

NODE_API_MODULE(lunet, InitLunet)
