// Machine code listings for -jdump and specs, through GNU objdump when it is installed (it is
// a developer tool, not a dependency: without it, callers print hex).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DisasmLine {
  address: number;
  /** The instruction's bytes as objdump prints them ("48 01 d8"). */
  bytes: string;
  /** Intel syntax, whitespace collapsed ("add rax,rbx"). */
  text: string;
}

// node:child_process (with net, dgram and streams behind it) is loaded on first use, not by
// every run that loads the JIT.
let cp: typeof import('node:child_process') | undefined;
function childProcess(): typeof import('node:child_process') {
  return (cp ??= createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process'));
}

let why: string | null = null;

/** "" if objdump can disassemble x86-64 here, else why not. */
export function objdumpStatus(): string {
  if (why === null) {
    const r = childProcess().spawnSync('objdump', ['--version'], { encoding: 'utf8' });
    if (r.error || r.status !== 0) why = `objdump not runnable: ${r.error?.message ?? `status ${r.status}`}`;
    else {
      const probe = disassemble(new Uint8Array([0x48, 0x01, 0xd8]));
      why = probe.length === 1 && probe[0]!.text === 'add rax,rbx' ? '' : 'objdump cannot disassemble x86-64';
    }
  }
  return why;
}

/** `objdump -D -b binary -mi386:x86-64 -M intel` of `code` placed at `address`. */
export function disassemble(code: Uint8Array, address = 0): DisasmLine[] {
  const dir = mkdtempSync(join(tmpdir(), 'lunet-x64-'));
  try {
    const file = join(dir, 'code.bin');
    writeFileSync(file, code);
    const args = ['-D', '-b', 'binary', '-mi386:x86-64', '-M', 'intel', '-w'];
    if (address !== 0) args.push(`--adjust-vma=0x${address.toString(16)}`);
    const r = childProcess().spawnSync('objdump', [...args, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.error || r.status !== 0) throw new Error(`objdump failed: ${r.error?.message ?? r.stderr}`);
    const out: DisasmLine[] = [];
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t(.*)$/.exec(line);
      if (m) {
        out.push({
          address: parseInt(m[1]!, 16),
          bytes: m[2]!,
          text: m[3]!.replace(/\s+#.*$/, '').replace(/\s+/g, ' ').trim(),
        });
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A listing for -jdump: objdump's text when available, else the bytes in hex, 16 a line. */
export function listing(code: Uint8Array, address = 0): string {
  if (objdumpStatus() === '') {
    return disassemble(code, address)
      .map((l) => `${l.address.toString(16).padStart(12, '0')}  ${l.bytes.padEnd(30)} ${l.text}`)
      .join('\n');
  }
  const lines: string[] = [];
  for (let i = 0; i < code.length; i += 16) {
    const hex = [...code.subarray(i, i + 16)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    lines.push(`${(address + i).toString(16).padStart(12, '0')}  ${hex}`);
  }
  return lines.join('\n');
}
