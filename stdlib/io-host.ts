// What the io and os libraries need from their host, per state: where stdin comes from, how
// to flush the state's buffered stdout, and how child processes (os.execute, io.popen) are
// connected. Hosts configure it with setIoHost; without it, stdin is fd 0 and a child's
// output is captured and passed to the state's stdout/stderr callbacks (so it lands in the
// same buffer as print's output, and in-process runs capture it).

import { createRequire } from 'node:module';
import { constants as osConstants } from 'node:os';
import { readSync } from 'node:fs';
import type { LuaState } from '../lang/vm/state.js';
import { flushDirty } from './io-file.js';
import { toIoError, type IoError } from './io-errno.js';

// child_process costs a few ms to load: only scripts that run commands pay for it
let cp: typeof import('node:child_process') | undefined;
function childProcess(): typeof import('node:child_process') {
  return (cp ??= createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process'));
}

export interface IoHost {
  /** Next chunk of standard input as bytes; '' at end of input. */
  readStdin?: () => string;
  /** Write out what the state's stdout callback has buffered (io.flush, before reading
   *  stdin, before running a command). */
  flushStdout?: () => void;
  /** Let children use the process's own stdin/stdout/stderr (a terminal program run by
   *  os.execute), instead of capturing their output into the state's callbacks. */
  inheritChildStdio?: boolean;
}

const hosts = new WeakMap<LuaState, IoHost>();

export function setIoHost(L: LuaState, host: IoHost): void { hosts.set(L, host); }
export function ioHost(L: LuaState): IoHost { return hosts.get(L) ?? {}; }

const stdinBuf = Buffer.allocUnsafe(1 << 16);

/** A reader of the state's standard input (chunks, '' at end). */
export function stdinReader(L: LuaState): () => string {
  return () => {
    const h = ioHost(L);
    h.flushStdout?.();
    if (h.readStdin) return h.readStdin();
    for (;;) {
      try {
        const n = readSync(0, stdinBuf, 0, stdinBuf.length, null);
        return stdinBuf.toString('latin1', 0, n);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EOF') return '';
        throw toIoError(e);
      }
    }
  };
}

export interface ShellResult {
  /** Set when the shell could not be run at all. */
  error: IoError | null;
  /** 'exit' or 'signal', and the exit code or signal number. */
  what: 'exit' | 'signal';
  code: number;
  /** Captured standard output (when asked to capture it). */
  stdout: string;
}

const SH = '/bin/sh';

/** system(cmd) / popen: run `cmd` with /bin/sh. `input` is fed to its stdin (popen "w");
 *  `captureOut`: return its stdout instead of passing it to the state (popen "r");
 *  `flushFiles`: first write out every file's buffer (popen's fflush(NULL)). */
export function runShell(L: LuaState, cmd: string, input: string | null, captureOut: boolean,
  flushFiles: boolean): ShellResult {
  const host = ioHost(L);
  if (flushFiles) flushDirty();
  host.flushStdout?.();
  const inherit = host.inheritChildStdio === true;
  const r = childProcess().spawnSync(SH, ['-c', Buffer.from(cmd, 'latin1').toString()], {
    input: input !== null ? Buffer.from(input, 'latin1') : undefined,
    stdio: [input !== null ? 'pipe' : (host.readStdin ? 'ignore' : 'inherit'),
      captureOut || !inherit ? 'pipe' : 'inherit', inherit ? 'inherit' : 'pipe'],
    maxBuffer: 1 << 30,
    windowsHide: true,
  });
  const out = r.stdout ? (r.stdout as Buffer).toString('latin1') : '';
  const err = r.stderr ? (r.stderr as Buffer).toString('latin1') : '';
  if (err.length > 0) L.stderr(err);
  if (!captureOut && out.length > 0) L.stdout(out);
  if (r.error && r.status === null && r.signal === null) {
    return { error: toIoError(r.error), what: 'exit', code: -1, stdout: '' };
  }
  if (r.signal !== null) {
    const num = (osConstants.signals as Record<string, number>)[r.signal] ?? 0;
    return { error: null, what: 'signal', code: num, stdout: out };
  }
  return { error: null, what: 'exit', code: r.status ?? 0, stdout: out };
}
