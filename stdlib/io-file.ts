// The byte streams behind Lua file handles: what C's FILE* does for liolib, over Node's
// synchronous fs calls on a file descriptor, or over callbacks (the state's stdout/stderr,
// a stdin reader, a child process's captured output).
//
// Strings are byte strings (one char per byte). Reads go through a read buffer; writes are
// buffered as glibc's stdio does it (a buffer of the file's block size; no
// buffer for "no", a flush at each newline for "line"), and flushed on flush/close/seek,
// before the same file is read, by io.popen (popen's fflush(NULL)) and at exit, so another
// handle on the same file sees what it would see under C (the official files.lua checks this).
// Failures throw an IoError carrying errno.

import { closeSync, fstatSync, readSync, writeSync } from 'node:fs';
import { IoError, ioErrorOf, toIoError } from './io-errno.js';

const CHUNK = 1 << 16;
const scratch = Buffer.allocUnsafe(CHUNK);

export const enum VBuf { No = 0, Full = 1, Line = 2 }

/** Files holding written bytes not yet handed to the OS, across all states. */
const dirty = new Set<LFile>();
let exitHook = false;

/** fflush(NULL): hand every pending write to the OS (io.popen, exit). Errors stay with their
 *  file and are reported by its next flush. */
export function flushDirty(): void {
  for (const f of dirty) {
    try { f.flush(); } catch (e) { f.werr = toIoError(e); dirty.delete(f); }
  }
}

let nextId = 1;

export interface FileOptions {
  fd?: number;
  canRead: boolean;
  canWrite: boolean;
  append?: boolean;
  /** Byte source for reading (a chunk per call, '' at end of input). */
  source?: (() => string) | null;
  /** Byte sink for writing (unbuffered here: the host buffers). */
  sink?: ((bytes: string) => void) | null;
}

export class LFile {
  /** Whether the handle was closed (liolib's closef == NULL). */
  closed = false;
  readonly id = nextId++;
  fd: number;
  readonly canRead: boolean;
  readonly canWrite: boolean;
  readonly append: boolean;
  readonly seekable: boolean;
  source: (() => string) | null;
  sink: ((bytes: string) => void) | null;
  /** OS offset of the next physical read or write (seekable files). */
  pos = 0;
  /** Read buffer: bytes before rpos are consumed; it ends at OS offset `pos`. */
  rbuf = '';
  rpos = 0;
  /** Write buffer (allocated on the first write): bytes 0..wlen are pending. */
  wbuf: Buffer | null = null;
  wlen = 0;
  /** Size of the write buffer (st_blksize, as glibc chooses it). */
  bufSize = 4096;
  vbuf = VBuf.Full;
  /** A write error found by flushDirty, reported by the next flush. */
  werr: IoError | null = null;

  constructor(o: FileOptions) {
    this.fd = o.fd ?? -1;
    this.canRead = o.canRead;
    this.canWrite = o.canWrite;
    this.append = o.append ?? false;
    this.source = o.source ?? null;
    this.sink = o.sink ?? null;
    let seekable = false;
    if (this.fd >= 0) {
      try { seekable = fstatSync(this.fd).isFile(); } catch { seekable = false; }
    }
    this.seekable = seekable;
    if (this.fd >= 0) {
      try { this.bufSize = fstatSync(this.fd).blksize || 4096; } catch { /* keep the default */ }
    }
    // glibc starts a write-only append stream at the end ("a+" starts at 0)
    if (seekable && this.append && !this.canRead) this.pos = fstatSync(this.fd).size;
    if (!exitHook && this.fd >= 0) {
      exitHook = true;
      // C's exit() flushes every open stream; the CLI ends with process.exitCode
      process.once('exit', flushDirty);
    }
  }

  // ---- reading ---------------------------------------------------------------------------

  /** Make at least one unread byte available; false at end of file. */
  fill(): boolean {
    if (this.rpos < this.rbuf.length) return true;
    if (!this.canRead) throw ioErrorOf('EBADF');
    if (this.wlen > 0) this.flush();
    let s: string;
    if (this.source !== null) {
      s = this.source();
    } else {
      const n = this.readFd(scratch, CHUNK);
      s = n > 0 ? scratch.toString('latin1', 0, n) : '';
    }
    this.rbuf = s;
    this.rpos = 0;
    return s.length > 0;
  }

  private readFd(buf: Buffer, len: number): number {
    for (;;) {
      try {
        const n = readSync(this.fd, buf, 0, len, this.seekable ? this.pos : null);
        if (this.seekable) this.pos += n;
        return n;
      } catch (e) {
        // a non-blocking descriptor (stdin set up by the parent): wait for data
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw toIoError(e);
      }
    }
  }

  /** Next byte (0-255) or -1 at end of file. */
  getc(): number {
    if (this.rpos >= this.rbuf.length && !this.fill()) return -1;
    return this.rbuf.charCodeAt(this.rpos++);
  }

  /** Push back the byte the last getc returned (not after end of file). */
  ungetc(): void { this.rpos--; }

  /** read_line: the line (without its '\n' if chop), or null when nothing was read. */
  readLine(chop: boolean): string | null {
    if (!this.fill()) return null;
    // usual case: the whole line is in the buffer
    let nl = this.rbuf.indexOf('\n', this.rpos);
    if (nl >= 0) {
      const line = this.rbuf.slice(this.rpos, chop ? nl : nl + 1);
      this.rpos = nl + 1;
      return line;
    }
    let s = '';
    for (;;) {
      s += this.rbuf.slice(this.rpos);
      this.rpos = this.rbuf.length;
      if (!this.fill()) return s.length > 0 ? s : null;
      nl = this.rbuf.indexOf('\n', this.rpos);
      if (nl >= 0) {
        s += this.rbuf.slice(this.rpos, chop ? nl : nl + 1);
        this.rpos = nl + 1;
        return s;
      }
    }
  }

  /** Up to n bytes ('' at end of file). */
  readChars(n: number): string {
    const parts: string[] = [];
    let got = 0;
    while (got < n) {
      if (!this.fill()) break;
      const take = Math.min(n - got, this.rbuf.length - this.rpos);
      parts.push(this.rpos === 0 && take === this.rbuf.length ? this.rbuf : this.rbuf.slice(this.rpos, this.rpos + take));
      this.rpos += take;
      got += take;
    }
    return parts.length === 1 ? parts[0]! : parts.join('');
  }

  /** The rest of the file. */
  readAll(): string {
    if (!this.fill()) return '';
    const parts: string[] = [this.rpos === 0 ? this.rbuf : this.rbuf.slice(this.rpos)];
    this.rpos = this.rbuf.length;
    if (this.seekable && this.source === null) {
      // one read for the known remainder instead of many chunks
      let rest = 0;
      try { rest = fstatSync(this.fd).size - this.pos; } catch { rest = 0; }
      if (rest > CHUNK) {
        const big = Buffer.allocUnsafe(rest);
        let off = 0;
        while (off < rest) {
          const n = readSync(this.fd, big, off, rest - off, this.pos);
          if (n <= 0) break;
          this.pos += n;
          off += n;
        }
        parts.push(big.toString('latin1', 0, off));
      }
    }
    while (this.fill()) {
      parts.push(this.rbuf);
      this.rpos = this.rbuf.length;
    }
    return parts.join('');
  }

  // ---- writing ---------------------------------------------------------------------------

  write(s: string): void {
    if (!this.canWrite) throw ioErrorOf('EBADF');
    if (this.sink !== null) { this.sink(s); return; }
    if (s.length === 0) return;
    if (this.rbuf.length > 0) {
      // switching from reading: continue at the logical position
      if (this.seekable) this.pos -= this.rbuf.length - this.rpos;
      this.rbuf = '';
      this.rpos = 0;
    }
    if (this.wlen === 0) dirty.add(this);
    const size = this.bufSize;
    if (this.wlen + s.length > size) {
      this.flush();
      if (s.length >= size) { this.writeOut(Buffer.from(s, 'latin1')); return; }
      dirty.add(this);
    }
    let wb = this.wbuf;
    if (wb === null || wb.length < size) wb = this.wbuf = Buffer.allocUnsafe(size);
    const n = s.length;
    if (n <= 64) {
      // a native call costs more than copying a short string byte by byte
      let o = this.wlen;
      for (let i = 0; i < n; i++) wb[o++] = s.charCodeAt(i);
      this.wlen = o;
    } else {
      this.wlen += wb.write(s, this.wlen, 'latin1');
    }
    if (this.vbuf !== VBuf.Full && (this.vbuf === VBuf.No || s.indexOf('\n') >= 0)) this.flush();
  }

  /** setvbuf: the buffering mode (the pending bytes are written first). */
  setBuffering(mode: VBuf): void {
    this.flush();
    this.vbuf = mode;
  }

  /** Hand buffered bytes to the OS. */
  flush(): void {
    if (this.werr !== null) { const e = this.werr; this.werr = null; throw e; }
    if (this.wlen === 0) { dirty.delete(this); return; }
    const data = this.wbuf!.subarray(0, this.wlen);
    this.wlen = 0;
    dirty.delete(this);
    this.writeOut(data);
  }

  private writeOut(data: Buffer): void {
    let off = 0;
    const positioned = this.seekable && !this.append;
    while (off < data.length) {
      try {
        off += writeSync(this.fd, data, off, data.length - off, positioned ? this.pos + off : null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw toIoError(e);
      }
    }
    if (positioned) this.pos += off;
    else if (this.seekable) this.pos = fstatSync(this.fd).size;
  }

  // ---- positioning and closing --------------------------------------------------------------

  /** fseek + ftell: the new position. */
  seek(whence: number, offset: number): number {
    if (!this.seekable) {
      if (this.sink === null && this.source === null) this.flush();
      throw ioErrorOf('ESPIPE');
    }
    this.flush();
    let target: number;
    if (whence === 0) target = offset;
    else if (whence === 1) target = this.pos - (this.rbuf.length - this.rpos) + offset;
    else target = fstatSync(this.fd).size + offset;
    if (target < 0 || !Number.isSafeInteger(target)) throw ioErrorOf('EINVAL');
    this.pos = target;
    this.rbuf = '';
    this.rpos = 0;
    return target;
  }

  /** fclose: flush and release the descriptor (errors are thrown after releasing it). */
  close(): void {
    this.closed = true;
    let err: IoError | null = null;
    try { this.flush(); } catch (e) { err = toIoError(e); }
    dirty.delete(this);
    if (this.fd >= 0) {
      try { closeSync(this.fd); } catch (e) { err ??= toIoError(e); }
      this.fd = -1;
    }
    this.rbuf = '';
    this.rpos = 0;
    if (err !== null) throw err;
  }
}
