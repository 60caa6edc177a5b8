// Regenerates the expected results of Lua fixtures from lua5.4 (the reference).
//   npm run fixtures                 every spec/lua/**/*.lua
//   npm run fixtures -- FILE|DIR...  only those
// Each `x.lua` gets `x.expected.json`: { status, stdout, stderr } where stderr is the first
// line lua5.4 wrote, with its program name replaced by `lunet` (lua.c prefixes messages with
// argv[0]). Fixtures run with their folder as cwd and their file name as the script, so
// messages say `x.lua:3:` for both engines.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lua = process.env.LUA ?? 'lua5.4';

function collect(p, out) {
  if (statSync(p).isDirectory()) {
    for (const e of readdirSync(p).sort()) collect(join(p, e), out);
  } else if (p.endsWith('.lua')) {
    out.push(p);
  }
  return out;
}

export function normaliseStderr(text, progName) {
  const first = text.split('\n')[0] ?? '';
  return first.startsWith(progName + ': ') ? 'lunet: ' + first.slice(progName.length + 2) : first;
}

const args = process.argv.slice(2);
const files = [];
for (const a of args.length ? args : [join(root, 'spec', 'lua')]) collect(resolve(a), files);
const probe = spawnSync(lua, ['-v'], { encoding: 'latin1' });
if (probe.error) {
  console.error(`gen-fixtures: cannot run ${lua} (${probe.error.message}); install lua5.4 first`);
  process.exit(1);
}
let n = 0;
for (const f of files) {
  const r = spawnSync(lua, [basename(f)], {
    cwd: dirname(f), encoding: 'latin1', timeout: 20000, input: '',
  });
  if (r.error) { console.error(`${f}: ${r.error.message}`); continue; }
  const expected = {
    status: r.status,
    stdout: r.stdout,
    stderr: normaliseStderr(r.stderr, lua),
  };
  writeFileSync(f.replace(/\.lua$/, '.expected.json'), JSON.stringify(expected, null, 1) + '\n', 'latin1');
  n++;
}
console.log(`gen-fixtures: wrote ${n} expectation(s) with ${lua}`);
