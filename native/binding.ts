// The shape of build/Release/lunet.node's exports (native/src/*.cc). Only native/ touches it
// directly; the rest of lunet goes through native/addon.ts and native/code-memory.ts.

export interface NativeBinding {
  /** mmap(RW, MAP_NORESERVE) of `bytes` as an external ArrayBuffer; munmap'd by its finalizer. */
  createArena(bytes: number): ArrayBuffer;
  /** Detach, then munmap now. Throws for buffers that are not live lunet arenas. */
  releaseArena(ab: ArrayBuffer): void;
  arenaAddress(ab: ArrayBuffer): bigint;
  isArena(ab: unknown): boolean;

  /** mmap(RW) a code chunk of at least `bytes` (default 64 KiB, rounded to pages); its id. */
  codeChunkAlloc(bytes?: number): number;
  codeChunkFree(id: number): void;
  codeChunkAddress(id: number): bigint;
  codeChunkSize(id: number): number;
  codeChunkIsExec(id: number): boolean;
  /** mprotect(PROT_READ|PROT_EXEC); throws an Error with the errno text if refused. */
  codeChunkMarkExec(id: number): void;
  /** mprotect(PROT_READ|PROT_WRITE). */
  codeChunkMarkWrite(id: number): void;
  /** Copies bytes[start, end) to chunk+offset; throws if the chunk is executable. */
  codeChunkWrite(id: number, offset: number, bytes: Uint8Array, start?: number, end?: number): void;
  codeChunkRead(id: number, offset: number, length: number): Uint8Array;

  /** Raw N-API: runs the code whose address is the u64 at the context; its int64 result. */
  enter(): number;
  setEnterContext(arena: ArrayBuffer, offset: number): void;
  clearEnterContext(): void;
  /** Address of a C function `void (char* out4)` that machine code may call to learn the
   *  /proc/self/maps permissions of the code calling it (for specs). */
  testHelperAddress(): bigint;

  /** fflush, then _exit(code): no wait for V8's background threads, no heap teardown. */
  exitNow(code: number): never;

  /** "" if code memory works here (map, write, mprotect RX, run, mprotect RW), else why not. */
  probe(): string;
  readonly pageSize: number;
}
