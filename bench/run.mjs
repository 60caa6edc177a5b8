// npm run bench [-- options for compare.mjs]
// lunet's own micro-benchmarks (parser, heap) and then the shared programs on lunet with the JIT
// on and off beside lua5.4 (../shared/bench/compare.mjs; `--quick -n 1` for a smoke run).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args, env = {}) =>
  spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let status = 0;
for (const micro of ['parse.mjs', 'heap.mjs']) {
  const p = join(root, 'bench', micro);
  if (existsSync(p)) {
    console.log(`== bench/${micro}`);
    status |= run([p]);
  }
}
const compare = join(root, '..', 'shared', 'bench', 'compare.mjs');
if (existsSync(compare)) {
  console.log('== shared programs (../shared/bench/compare.mjs)');
  const args = process.argv.slice(2);
  if (!args.includes('-e') && !args.includes('--engines')) args.push('-e', 'lunet,lunet-joff');
  status |= run([compare, ...args], { LUNET: `${process.execPath} ${join(root, 'dist', 'cli.js')}` });
} else {
  console.log('(../shared/bench not found: shared programs skipped)');
}
process.exit(status);
