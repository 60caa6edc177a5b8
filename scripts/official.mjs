// Runs the official Lua 5.4.4 test suite (never committed here) with the JIT off and on, and in
// JIT stress mode: npm run test:official -- DIR [file.lua ...]
// DIR is the suite's `testes` folder (see ../shared/lua-tests/README.md for how to get it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [dir, ...files] = process.argv.slice(2);
if (!dir) {
  console.error('usage: npm run test:official -- DIR [file.lua ...]\n' +
    '  DIR: the `testes` folder of Lua 5.4.4 (git archive v5.4.4 testes of github.com/lua/lua);\n' +
    '  it is not part of this repository. See ../shared/lua-tests/README.md.');
  process.exit(2);
}
const runner = join(root, '..', 'shared', 'lua-tests', 'run.sh');
if (!existsSync(runner)) {
  console.error(`test:official: ${runner} not found (../shared must be beside the repository)`);
  process.exit(2);
}
const cli = join(root, 'dist', 'cli.js');
const modes = (process.env.LUNET_OFFICIAL_MODES ?? 'off,on,stress').split(',');
const modeArgs = { off: '-joff', on: '-jon', stress: '-jon -Ohotloop=1 -Ohotexit=1' };
let failed = false;
for (const mode of modes) {
  console.log(`== JIT ${mode}`);
  const engine = `node ${cli} ${modeArgs[mode] ?? ''}`.trim();
  const r = spawnSync('bash', [runner, resolve(dir), engine, ...files],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(r.stdout);
  // run.sh always exits 0; its last line counts the failures.
  if (r.status !== 0 || !/ 0 failed\s*$/.test(r.stdout)) failed = true;
}
process.exit(failed ? 1 : 0);
