// Runs every Lua fixture (spec/lua/**/x.lua with x.expected.json from lua5.4) through the
// lunet command line, in-process, once per engine mode, and compares stdout, the first line
// of stderr and the exit status with what lua5.4 gave. Differences between modes are JIT bugs.
//
// LUNET_FIXTURE_MODES=off,on,stress selects modes; LUNET_FIXTURE_FILTER=substr selects files.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provideAllModules, runCliCaptured } from '../lang/cli/main.js';

// runCliCaptured runs in-process in every mode: the JIT, REPL and listing modules are loaded first.
await provideAllModules();

const here = dirname(fileURLToPath(import.meta.url));
// compiled to dist/spec; the fixtures stay in the source tree
const root = join(here, '..', '..');
const fixtureRoot = join(root, 'spec', 'lua');

/** Extra command-line arguments per engine mode. */
export const MODES: Record<string, string[]> = {
  off: ['-joff'],
  on: ['-jon'],
  stress: ['-jon', '-Ohotloop=1', '-Ohotexit=1'],
};

interface Expected { status: number; stdout: string; stderr: string }

/** Fixtures lunet does not pass yet, each with the reason; they are listed as pending (with
 *  the reason) instead of run. Remove an entry as soon as the gap is closed. */
const KNOWN_GAPS: Record<string, string> = {
};

function collect(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (e.endsWith('.lua') && existsSync(p.replace(/\.lua$/, '.expected.json'))) out.push(p);
  }
  return out;
}

const modes = (process.env.LUNET_FIXTURE_MODES ?? 'off,on,stress').split(',').filter((m) => m in MODES);
const filter = process.env.LUNET_FIXTURE_FILTER ?? '';
const files = collect(fixtureRoot, []).filter((f) => f.includes(filter));

describe('Lua fixtures against lua5.4', function () {
  this.timeout(120000);
  before(() => {
    const listed = files.map((f) => relative(fixtureRoot, f)).filter((n) => n in KNOWN_GAPS);
    for (const n of listed) console.log(`  pending fixture ${n}: ${KNOWN_GAPS[n]}`);
  });
  it('has fixtures to run', () => {
    assert.ok(files.length > 0, `no fixtures found under ${fixtureRoot}`);
  });
  for (const file of files) {
    const name = relative(fixtureRoot, file);
    const expected = JSON.parse(readFileSync(file.replace(/\.lua$/, '.expected.json'), 'latin1')) as Expected;
    const gap = KNOWN_GAPS[name];
    if (gap !== undefined) {
      it(`${name} — known gap: ${gap}`);
      continue;
    }
    for (const mode of modes) {
      it(`${name} [${mode}]`, () => {
        const got = runCliCaptured([...MODES[mode], basename(file)], { cwd: dirname(file), stdin: '' });
        const firstErr = got.stderr.split('\n')[0] ?? '';
        assert.equal(got.stdout, expected.stdout, 'stdout differs');
        assert.equal(firstErr, expected.stderr, 'first line of stderr differs');
        assert.equal(got.status, expected.status, 'exit status differs');
      });
    }
  }
});
