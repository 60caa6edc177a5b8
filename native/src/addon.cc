// Module entry: registers the three parts and a load-time self test (probe) the TS loader uses
// to decide whether the JIT can run here.
#include "lunet.h"

#include <cstring>
#include <unistd.h>

namespace lunet {

std::string ErrnoText(int err) { return std::string(std::strerror(err)); }

static Napi::Value Probe(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), ProbeCodeMemory());
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
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
