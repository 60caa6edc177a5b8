// Parses every .lua file under a folder with lunet's front end and reports the failures.
//   node bench/parse-suite.mjs /work/testes/testes
// With --luac, also asks `luac5.4 -p` for each file and reports any disagreement (a file
// one accepts and the other refuses, or a different message).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from '../dist/lang/front/index.js';

const args = process.argv.slice(2);
const useLuac = args.includes('--luac');
const dir = args.find(a => !a.startsWith('--'));
if (!dir) { console.error('usage: node bench/parse-suite.mjs DIR [--luac]'); process.exit(2); }

function collect(p, out) {
  if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) collect(join(p, e), out);
  else if (p.endsWith('.lua')) out.push(p);
  return out;
}

let ok = 0, failed = 0, disagree = 0, bytes = 0;
for (const f of collect(dir, [])) {
  const src = readFileSync(f, 'latin1');
  bytes += src.length;
  const name = relative(dir, f);
  let msg = null;
  try { parse(src, '@' + name); } catch (e) { msg = e.message; }
  if (msg === null) ok++; else { failed++; console.log(`FAIL ${name}: ${msg}`); }
  if (useLuac) {
    const r = spawnSync('luac5.4', ['-p', name], { cwd: dir, encoding: 'latin1' });
    const luaMsg = r.status === 0 ? null : r.stderr.split('\n')[0].replace(/^luac5\.4: /, '');
    if (luaMsg !== msg) { disagree++; console.log(`DIFF ${name}\n  luac:  ${luaMsg}\n  lunet: ${msg}`); }
  }
}
console.log(`${ok} parsed, ${failed} failed, ${(bytes / 1e6).toFixed(2)} MB` + (useLuac ? `, ${disagree} disagreements with luac5.4` : ''));
process.exit(failed > 0 && !useLuac ? 1 : 0);
