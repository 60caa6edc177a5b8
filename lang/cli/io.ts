// The process-facing side of the CLI: byte-exact buffered stdout, unbuffered stderr, stdin.
// Everything is a byte string (one char per byte), as Lua sees it.
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

export interface CliIo {
  stdout(bytes: string): void;
  stderr(bytes: string): void;
  /** Flush buffered stdout (before exit, before reading stdin, before writing stderr). */
  flush(): void;
  /** All of stdin, as bytes. */
  readStdin(): string;
  /** One line of stdin without its newline, or null at end of input (the REPL). */
  readLine(): string | null;
  /** For in-memory stdin only: the io library's reader (next chunk, '' at end). Without it
   *  the io library reads file descriptor 0 itself. */
  readStdinChunk?: () => string;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
}

const FLUSH_AT = 1 << 16;

function writeAll(fd: number, bytes: string): void {
  const buf = Buffer.from(bytes, 'latin1');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      // A closed pipe (e.g. `lunet x.lua | head`) ends output quietly, like C's stdio does.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw e;
    }
  }
}

/** The real process: stdout is buffered (as C's stdio is for pipes and files). */
export function processIo(): CliIo {
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    writeAll(1, text);
  };
  return {
    stdout(bytes) {
      pending.push(bytes);
      size += bytes.length;
      if (size >= FLUSH_AT) flush();
    },
    stderr(bytes) {
      flush();
      writeAll(2, bytes);
    },
    flush,
    readStdin() {
      flush();
      try {
        return readFileSync(0, 'latin1');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return '';
        // stdin in non-blocking mode (a TTY or pipe set up by the parent): read by polling.
        const chunks: Buffer[] = [];
        const buf = Buffer.alloc(65536);
        for (;;) {
          try {
            const n = readSync(0, buf, 0, buf.length, null);
            if (n === 0) break;
            chunks.push(Buffer.from(buf.subarray(0, n)));
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
            break;
          }
        }
        return Buffer.concat(chunks).toString('latin1');
      }
    },
    readLine: lineReader((buf) => {
      flush();
      for (;;) {
        try {
          return readSync(0, buf, 0, buf.length, null);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
          return 0;
        }
      }
    }),
    // Asked only when there is no script and no -e: creating process.stdin costs ms.
    get stdinIsTTY() { return Boolean(process.stdin.isTTY); },
    env: process.env,
  };
}

/** Lines from a blocking `read(buf) -> bytes read` source; pending bytes kept between calls. */
function lineReader(read: (buf: Buffer) => number): () => string | null {
  let pending = '';
  let eof = false;
  const buf = Buffer.alloc(4096);
  return () => {
    for (;;) {
      const nl = pending.indexOf('\n');
      if (nl >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        return line;
      }
      if (eof) {
        if (pending === '') return null;
        const line = pending;
        pending = '';
        return line;
      }
      const n = read(buf);
      if (n <= 0) eof = true;
      else pending += buf.toString('latin1', 0, n);
    }
  };
}

/** An in-memory Io for tests: captures output, serves a fixed stdin. */
export function captureIo(stdin: string, env: Record<string, string | undefined> = {}):
    CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  let pos = 0;
  return {
    out, err,
    stdout(b) { out.push(b); },
    stderr(b) { err.push(b); },
    flush() { /* nothing buffered */ },
    readStdin() { const all = stdin.slice(pos); pos = stdin.length; return all; },
    readStdinChunk() { const all = stdin.slice(pos); pos = stdin.length; return all; },
    readLine() {
      if (pos >= stdin.length) return null;
      let nl = stdin.indexOf('\n', pos);
      if (nl < 0) nl = stdin.length;
      const line = stdin.slice(pos, nl);
      pos = nl + 1;
      return line;
    },
    stdinIsTTY: false,
    env,
  };
}

/** Read a whole file as bytes, or return the OS error text as lua5.4 words it. */
export function readFileBytes(path: string): { bytes: string } | { error: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { error: osErrorText(e) };
  }
  try {
    return { bytes: readFileSync(fd, 'latin1') };
  } catch (e) {
    return { error: osErrorText(e) };
  } finally {
    closeSync(fd);
  }
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  EMFILE: 'Too many open files',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  EPERM: 'Operation not permitted',
  EBUSY: 'Device or resource busy',
  ENOTEMPTY: 'Directory not empty',
  EXDEV: 'Invalid cross-device link',
  EINVAL: 'Invalid argument',
};

/** strerror() text for a Node fs error, as glibc words it. */
export function osErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return ERRNO_TEXT[code] ?? (e as Error).message;
}
