// Regenerates the reference listings of the compiler's specs from luac5.4 (the reference):
//   node scripts/gen-listings.mjs            every spec/lua/compile/listings/*.lua
//   node scripts/gen-listings.mjs FILE...    only those
// Each `x.lua` gets `x.luac.txt`: `luac5.4 -l -l -p x.lua` run in the file's folder, with the
// addresses luac prints (` at 0x...`, ` for 0x...`, CLOSURE comments) removed so that a
// regenerated file only changes when the code does. spec/compile.spec.ts compares lunet's
// listing with these files; it never runs luac itself.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const luac = process.env.LUAC ?? 'luac5.4';
const dir = join(root, 'spec', 'lua', 'compile', 'listings');

export function stripAddresses(text) {
  return text
    .replace(/ at 0x[0-9a-f]+/g, '')
    .replace(/ for 0x[0-9a-f]+/g, '')
    .replace(/(\tCLOSURE\s+\t\d+ \d+)\t; .*/g, '$1');
}

const args = process.argv.slice(2);
const files = args.length ? args.map((a) => resolve(a))
  : readdirSync(dir).filter((f) => f.endsWith('.lua')).sort().map((f) => join(dir, f));
let n = 0;
for (const f of files) {
  const r = spawnSync(luac, ['-l', '-l', '-p', basename(f)], { cwd: dirname(f), encoding: 'latin1' });
  if (r.error) { console.error(`gen-listings: cannot run ${luac} (${r.error.message})`); process.exit(1); }
  if (r.status !== 0) { console.error(`${f}: ${r.stderr}`); continue; }
  writeFileSync(f.replace(/\.lua$/, '.luac.txt'), stripAddresses(r.stdout), 'latin1');
  n++;
}
console.log(`gen-listings: wrote ${n} listing(s) with ${luac}`);
