// Code memory in nanojit's CodeAlloc style: chunks mapped RW, filled, then flipped to RX with
// mprotect. A chunk is never writable and executable at once (W^X). Blocks inside chunks are
// handed out by the TS side (native/code-memory.ts); this file owns only the OS boundary, so
// the JIT never calls mprotect itself. Every failure becomes a JS Error, never an abort.
#include "lunet.h"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace lunet {

namespace {

size_t PageSize() {
  static size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return page;
}

uint32_t ArgU32(Napi::Env env, Napi::Value v, const char* what) {
  if (!v.IsNumber()) throw Napi::TypeError::New(env, std::string(what) + " must be a number");
  double d = v.As<Napi::Number>().DoubleValue();
  if (!(d >= 0) || d > 4294967295.0 || d != static_cast<double>(static_cast<uint32_t>(d))) {
    throw Napi::RangeError::New(env, std::string(what) + " must be an integer in [0, 2^32)");
  }
  return static_cast<uint32_t>(d);
}

Chunk& ChunkArg(Napi::Env env, Napi::Value v) {
  uint32_t id = ArgU32(env, v, "chunk id");
  std::vector<Chunk>& chunks = InstanceOf(env).chunks;
  if (id >= chunks.size() || chunks[id].base == nullptr) {
    throw Napi::RangeError::New(env, "no live code chunk " + std::to_string(id));
  }
  return chunks[id];
}

Napi::Value ChunkAlloc(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  uint32_t want = info.Length() > 0 && !info[0].IsUndefined() ? ArgU32(env, info[0], "chunk size") : 65536;
  if (want == 0) throw Napi::RangeError::New(env, "chunk size must be positive");
  size_t page = PageSize();
  size_t size = (static_cast<size_t>(want) + page - 1) / page * page;
  void* mem = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) {
    throw Napi::Error::New(env, "mmap of " + std::to_string(size) + " bytes for code failed: " + ErrnoText(errno));
  }
  std::vector<Chunk>& chunks = InstanceOf(env).chunks;
  size_t id = 0;
  while (id < chunks.size() && chunks[id].base != nullptr) id++;
  if (id == chunks.size()) chunks.push_back(Chunk{});
  chunks[id] = Chunk{static_cast<uint8_t*>(mem), size, false};
  return Napi::Number::New(env, static_cast<double>(id));
}

Napi::Value ChunkFree(const Napi::CallbackInfo& info) {
  Chunk& c = ChunkArg(info.Env(), info[0]);
  munmap(c.base, c.size);
  c = Chunk{nullptr, 0, false};
  return info.Env().Undefined();
}

Napi::Value ChunkAddress(const Napi::CallbackInfo& info) {
  Chunk& c = ChunkArg(info.Env(), info[0]);
  return Napi::BigInt::New(info.Env(), static_cast<uint64_t>(reinterpret_cast<uintptr_t>(c.base)));
}

Napi::Value ChunkSize(const Napi::CallbackInfo& info) {
  Chunk& c = ChunkArg(info.Env(), info[0]);
  return Napi::Number::New(info.Env(), static_cast<double>(c.size));
}

Napi::Value ChunkIsExec(const Napi::CallbackInfo& info) {
  Chunk& c = ChunkArg(info.Env(), info[0]);
  return Napi::Boolean::New(info.Env(), c.exec);
}

Napi::Value ChunkMarkExec(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Chunk& c = ChunkArg(env, info[0]);
  if (!c.exec) {
    if (mprotect(c.base, c.size, PROT_READ | PROT_EXEC) != 0) {
      throw Napi::Error::New(env, "mprotect(PROT_READ|PROT_EXEC) of a code chunk failed: " + ErrnoText(errno));
    }
    c.exec = true;
  }
  return env.Undefined();
}

Napi::Value ChunkMarkWrite(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Chunk& c = ChunkArg(env, info[0]);
  if (c.exec) {
    if (mprotect(c.base, c.size, PROT_READ | PROT_WRITE) != 0) {
      throw Napi::Error::New(env, "mprotect(PROT_READ|PROT_WRITE) of a code chunk failed: " + ErrnoText(errno));
    }
    c.exec = false;
  }
  return env.Undefined();
}

// codeChunkWrite(id, offset, bytes: Uint8Array, start = 0, end = bytes.length)
Napi::Value ChunkWrite(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Chunk& c = ChunkArg(env, info[0]);
  uint32_t offset = ArgU32(env, info[1], "offset");
  if (!info[2].IsTypedArray() || info[2].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(env, "bytes must be a Uint8Array");
  }
  Napi::Uint8Array src = info[2].As<Napi::Uint8Array>();
  size_t len = src.ElementLength();
  uint32_t start = info.Length() > 3 && !info[3].IsUndefined() ? ArgU32(env, info[3], "start") : 0;
  size_t end = info.Length() > 4 && !info[4].IsUndefined() ? ArgU32(env, info[4], "end") : len;
  if (start > end || end > len) throw Napi::RangeError::New(env, "source range out of bounds");
  size_t n = end - start;
  if (offset > c.size || n > c.size - offset) throw Napi::RangeError::New(env, "write past the end of the code chunk");
  if (c.exec) throw Napi::Error::New(env, "code chunk is executable; markWrite it before writing (W^X)");
  std::memcpy(c.base + offset, src.Data() + start, n);
  return env.Undefined();
}

// codeChunkRead(id, offset, length) -> a copy of the bytes, readable in either state.
Napi::Value ChunkRead(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Chunk& c = ChunkArg(env, info[0]);
  uint32_t offset = ArgU32(env, info[1], "offset");
  uint32_t n = ArgU32(env, info[2], "length");
  if (offset > c.size || n > c.size - offset) throw Napi::RangeError::New(env, "read past the end of the code chunk");
  Napi::Uint8Array out = Napi::Uint8Array::New(env, n);
  std::memcpy(out.Data(), c.base + offset, n);
  return out;
}

}  // namespace

bool CodeRunnable(Instance& inst, uintptr_t addr) {
  const std::vector<Chunk>& chunks = inst.chunks;
  if (inst.lastRun < chunks.size()) {
    const Chunk& c = chunks[inst.lastRun];
    if (c.exec && addr - reinterpret_cast<uintptr_t>(c.base) < c.size) return true;
  }
  for (size_t i = 0; i < chunks.size(); i++) {
    const Chunk& c = chunks[i];
    if (c.base != nullptr && c.exec && addr - reinterpret_cast<uintptr_t>(c.base) < c.size) {
      inst.lastRun = i;
      return true;
    }
  }
  return false;
}

void FreeAllChunks(Instance& inst) {
  for (Chunk& c : inst.chunks) {
    if (c.base != nullptr) munmap(c.base, c.size);
    c = Chunk{nullptr, 0, false};
  }
}

std::string ProbeCodeMemory() {
  size_t page = PageSize();
  void* mem = mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return "mmap for code failed: " + ErrnoText(errno);
  // mov eax, 42 ; ret
  static const uint8_t kRet42[] = {0xB8, 0x2A, 0x00, 0x00, 0x00, 0xC3};
  std::memcpy(mem, kRet42, sizeof kRet42);
  std::string why;
  if (mprotect(mem, page, PROT_READ | PROT_EXEC) != 0) {
    why = "mprotect(PROT_READ|PROT_EXEC) refused: " + ErrnoText(errno);
  } else {
    auto fn = reinterpret_cast<int (*)()>(mem);
    int r = fn();
    if (r != 42) why = "probe code returned " + std::to_string(r) + " instead of 42";
    else if (mprotect(mem, page, PROT_READ | PROT_WRITE) != 0) {
      why = "mprotect back to PROT_READ|PROT_WRITE refused: " + ErrnoText(errno);
    }
  }
  munmap(mem, page);
  return why;
}

void InitCode(Napi::Env env, Napi::Object exports) {
  exports.Set("codeChunkAlloc", Napi::Function::New(env, ChunkAlloc, "codeChunkAlloc"));
  exports.Set("codeChunkFree", Napi::Function::New(env, ChunkFree, "codeChunkFree"));
  exports.Set("codeChunkAddress", Napi::Function::New(env, ChunkAddress, "codeChunkAddress"));
  exports.Set("codeChunkSize", Napi::Function::New(env, ChunkSize, "codeChunkSize"));
  exports.Set("codeChunkIsExec", Napi::Function::New(env, ChunkIsExec, "codeChunkIsExec"));
  exports.Set("codeChunkMarkExec", Napi::Function::New(env, ChunkMarkExec, "codeChunkMarkExec"));
  exports.Set("codeChunkMarkWrite", Napi::Function::New(env, ChunkMarkWrite, "codeChunkMarkWrite"));
  exports.Set("codeChunkWrite", Napi::Function::New(env, ChunkWrite, "codeChunkWrite"));
  exports.Set("codeChunkRead", Napi::Function::New(env, ChunkRead, "codeChunkRead"));
}

}  // namespace lunet
