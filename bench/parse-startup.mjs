// Where `lunet -e ""` spends its start-up, from `node --cpu-prof` of fresh processes:
//   node bench/parse-startup.mjs [runs=10] [-- lunet arguments]
// Each profile's samples are given to the first of these found among their callers:
// Chevrotain parser construction, opening the libraries, attaching the JIT, the rest of
// the CLI run (state creation, loading and running the chunk); anything outside the CLI's
// main() is module loading (resolving, reading, compiling, evaluating), the runtime's own
// start, or the garbage collector. Medians over the runs, in ms of profile time: on a
// loaded machine that is wall time and includes waiting for a core, so the load is printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dd = argv.indexOf('--');
const runs = Number(argv[0] !== undefined && argv[0] !== '--' ? argv[0] : 10);
const lunetArgs = dd >= 0 ? argv.slice(dd + 1) : ['-e', ''];

/** Category of a profile node by its function and file (null: look at the caller). */
function categoryOf(cf) {
  const f = cf.functionName, u = cf.url;
  if (f === '(garbage collector)') return 'gc';
  if (f === '(idle)') return 'idle';
  if (u.endsWith('/front/parser.js') && (f === 'LuaParser' || f === 'getParser')) return 'parser construction';
  if (u.endsWith('/vm/state.js') && f === 'openLibs') return 'open libraries';
  if (u.endsWith('/jit/jit.js') && f === 'attachJit') return 'attach JIT';
  if (u.endsWith('/cli/main.js') && f === 'main') return 'CLI run (rest)';
  return null;
}

function split(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const cat = new Map();
  const catOf = (id) => {
    if (cat.has(id)) return cat.get(id);
    const n = byId.get(id);
    let c = categoryOf(n.callFrame);
    if (c === null) {
      const p = parent.get(id);
      c = p === undefined ? 'module load, runtime' : catOf(p);
    }
    cat.set(id, c);
    return c;
  };
  const out = {};
  for (let i = 0; i < profile.samples.length; i++) {
    const c = catOf(profile.samples[i]);
    out[c] = (out[c] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  }
  return out;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? 0; };
const all = {};
const totals = [];
const load0 = loadavg()[0];
for (let r = 0; r < runs; r++) {
  const dir = mkdtempSync(join(tmpdir(), 'lunet-prof-'));
  const res = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, join(root, 'dist', 'cli.js'), ...lunetArgs],
    { encoding: 'latin1' });
  if (res.status !== 0) { console.error(res.stderr); process.exit(1); }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const s = split(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  rmSync(dir, { recursive: true, force: true });
  let t = 0;
  for (const [k, v] of Object.entries(s)) { (all[k] ??= []).push(v); if (k !== 'idle') t += v; }
  for (const k of Object.keys(all)) if (!(k in s)) all[k].push(0);
  totals.push(t);
}
console.log(`lunet ${lunetArgs.map((a) => JSON.stringify(a)).join(' ')}: ${runs} runs, load ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`);
for (const [k, v] of Object.entries(all).sort((a, b) => median(b[1]) - median(a[1]))) {
  if (k === 'idle') continue;
  console.log(`  ${k.padEnd(22)} ${median(v).toFixed(1).padStart(7)} ms`);
}
console.log(`  ${'total (median)'.padEnd(22)} ${median(totals).toFixed(1).padStart(7)} ms`);
