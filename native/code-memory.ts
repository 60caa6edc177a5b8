// Code memory for traces, after nanojit's CodeAlloc: 64 KiB chunks from the addon (mmap RW),
// blocks handed out inside them, and a chunk flipped to RX (markExec) once its code is written
// and back to RW (markWrite) only to write or patch. A chunk is never RW and RX at once; the
// mprotect calls live in the addon, so nothing else in the JIT can get W^X wrong.
//
// Block bookkeeping is here rather than in C++ because it is plain arithmetic that the JIT
// wants to inspect (addresses for rel32 jumps, sizes for -jdump) without crossing N-API.
import type { NativeBinding } from './binding.js';

export interface CodeBlock {
  readonly chunk: number;
  /** Byte offset of the block in its chunk. */
  readonly offset: number;
  readonly size: number;
  /** Absolute address of the block's first byte (user-space addresses fit a double exactly). */
  readonly address: number;
}

interface Chunk {
  id: number;
  address: number;
  size: number;
  exec: boolean;
  used: number;
  /** Free ranges as [offset, size] pairs sorted by offset, adjacent ranges merged. */
  free: number[];
}

/** Blocks start on 16 bytes: call/jump targets and loop heads like that alignment. */
const ALIGN = 16;

export class CodeMemory {
  private readonly chunks = new Map<number, Chunk>();

  /** @param binding the addon (nativeBinding()); @param chunkBytes size of ordinary chunks. */
  constructor(private readonly binding: NativeBinding, readonly chunkBytes = 65536) {}

  /** A writable block of at least `bytes` bytes. Its chunk is made RW if it was RX, so the
   *  caller must markExec (or markAllExec) before running anything in that chunk again. */
  alloc(bytes: number): CodeBlock {
    if (!(bytes > 0) || !Number.isInteger(bytes)) throw new RangeError(`code block size ${bytes}`);
    const need = roundUp(bytes, ALIGN);
    for (const c of this.chunks.values()) {
      const off = takeFirstFit(c, need);
      if (off >= 0) return this.blockIn(c, off, need);
    }
    const c = this.newChunk(Math.max(need, this.chunkBytes));
    const off = takeFirstFit(c, need);
    return this.blockIn(c, off, need);
  }

  /** Copies bytes[start, end) into the block at `at`. The chunk must be writable. */
  write(block: CodeBlock, at: number, bytes: Uint8Array, start = 0, end = bytes.length): void {
    if (at < 0 || at + (end - start) > block.size) throw new RangeError('write outside the code block');
    this.binding.codeChunkWrite(block.chunk, block.offset + at, bytes, start, end);
  }

  read(block: CodeBlock, at = 0, length = block.size - at): Uint8Array {
    if (at < 0 || length < 0 || at + length > block.size) throw new RangeError('read outside the code block');
    return this.binding.codeChunkRead(block.chunk, block.offset + at, length);
  }

  /** Rewrites bytes of finished code (a patched jump): RW, write, then RX again if it was. */
  patch(block: CodeBlock, at: number, bytes: Uint8Array): void {
    const c = this.chunkOf(block);
    const wasExec = c.exec;
    this.markWrite(block);
    this.write(block, at, bytes);
    if (wasExec) this.markExec(block);
  }

  /** mprotect(RX) the block's chunk. Throws (with the errno text) if the kernel refuses. */
  markExec(block: CodeBlock): void {
    const c = this.chunkOf(block);
    if (!c.exec) {
      this.binding.codeChunkMarkExec(c.id);
      c.exec = true;
    }
  }

  markWrite(block: CodeBlock): void {
    const c = this.chunkOf(block);
    if (c.exec) {
      this.binding.codeChunkMarkWrite(c.id);
      c.exec = false;
    }
  }

  markAllExec(): void {
    for (const c of this.chunks.values()) {
      if (!c.exec) {
        this.binding.codeChunkMarkExec(c.id);
        c.exec = true;
      }
    }
  }

  isExec(block: CodeBlock): boolean {
    return this.chunkOf(block).exec;
  }

  /** Returns the block; a chunk left empty is unmapped unless it is the only one. */
  free(block: CodeBlock): void {
    const c = this.chunkOf(block);
    giveBack(c, block.offset, block.size);
    c.used -= block.size;
    if (c.used === 0 && this.chunks.size > 1) {
      this.binding.codeChunkFree(c.id);
      this.chunks.delete(c.id);
    }
  }

  /** Unmaps every chunk; the blocks must no longer be run. */
  dispose(): void {
    for (const c of this.chunks.values()) this.binding.codeChunkFree(c.id);
    this.chunks.clear();
  }

  stats(): { chunks: number; mapped: number; used: number } {
    let mapped = 0;
    let used = 0;
    for (const c of this.chunks.values()) {
      mapped += c.size;
      used += c.used;
    }
    return { chunks: this.chunks.size, mapped, used };
  }

  /** Chunk ids with their address ranges, e.g. for a W^X check against /proc/self/maps. */
  chunkRanges(): { id: number; address: number; size: number; exec: boolean }[] {
    return [...this.chunks.values()].map((c) => ({ id: c.id, address: c.address, size: c.size, exec: c.exec }));
  }

  private newChunk(bytes: number): Chunk {
    const id = this.binding.codeChunkAlloc(bytes);
    const size = this.binding.codeChunkSize(id);
    const address = Number(this.binding.codeChunkAddress(id));
    const c: Chunk = { id, address, size, exec: false, used: 0, free: [0, size] };
    this.chunks.set(id, c);
    return c;
  }

  private blockIn(c: Chunk, offset: number, size: number): CodeBlock {
    if (c.exec) {
      this.binding.codeChunkMarkWrite(c.id);
      c.exec = false;
    }
    c.used += size;
    return { chunk: c.id, offset, size, address: c.address + offset };
  }

  private chunkOf(block: CodeBlock): Chunk {
    const c = this.chunks.get(block.chunk);
    if (c === undefined) throw new Error(`code chunk ${block.chunk} is not live`);
    return c;
  }
}

function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

function takeFirstFit(c: Chunk, need: number): number {
  const f = c.free;
  for (let i = 0; i < f.length; i += 2) {
    const off = f[i]!;
    const len = f[i + 1]!;
    if (len >= need) {
      if (len === need) f.splice(i, 2);
      else {
        f[i] = off + need;
        f[i + 1] = len - need;
      }
      return off;
    }
  }
  return -1;
}

function giveBack(c: Chunk, off: number, len: number): void {
  const f = c.free;
  let i = 0;
  while (i < f.length && f[i] < off) i += 2;
  f.splice(i, 0, off, len);
  // merge with the next range, then with the previous one
  if (i + 2 < f.length && f[i] + f[i + 1] === f[i + 2]) {
    f[i + 1] += f[i + 3];
    f.splice(i + 2, 2);
  }
  if (i >= 2 && f[i - 2] + f[i - 1] === f[i]) {
    f[i - 1] += f[i + 1];
    f.splice(i, 2);
  }
}
