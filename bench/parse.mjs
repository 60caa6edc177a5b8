// Front-end speed: construction time of the Chevrotain parser, then MB/s of lexing and
// parsing after warm-up on: the official suite folder (when given), the programs of
// /work/shared/bench/programs, and a generated 5 MB file.
//   node bench/parse.mjs [/work/testes/testes]
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.mjs';

const cpuNow = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const t0 = performance.now(), c0 = cpuNow();
const front = await import('../dist/lang/front/index.js');
const { Scanner, newToken } = await import('../dist/lang/front/lexer.js');
const { EOF } = await import('../dist/lang/front/chevrotain.js');
const tImport = performance.now() - t0, cImport = cpuNow() - c0;
const t1 = performance.now(), c1 = cpuNow();
front.parse('return 1', '=warm');
const tFirst = performance.now() - t1, cFirst = cpuNow() - c1;
const parMod = await import('../dist/lang/front/parser.js');
console.log(`import ${tImport.toFixed(1)} ms wall / ${cImport.toFixed(1)} ms cpu; first parse ${tFirst.toFixed(1)} ms wall / ` +
  `${cFirst.toFixed(1)} ms cpu (wall: parser construction ` +
  `${parMod.parserBuildMs.toFixed(1)} ms)`);

function collect(p, out) {
  if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) collect(join(p, e), out);
  else if (p.endsWith('.lua')) out.push(p);
  return out;
}


const cpuMs = cpuNow;

// Lexing as the parser does it: every token read into one reused token object.
const tok = newToken();
function lex(s) {
  const sc = new Scanner(s);
  while (sc.next(tok) && tok.tokenType !== EOF);
}

// Reports the best round by wall time and by process CPU time: on a loaded machine the
// wall clock mostly measures waiting for a core, CPU time what the parser costs.
function bench(label, sources) {
  const bytes = sources.reduce((a, s) => a + s.length, 0);
  const rounds = bytes > 2e6 ? 4 : 10;
  for (let r = 0; r < 2; r++) for (const s of sources) front.parse(s, '=bench');
  const runs = { lexW: [], lexC: [], parseW: [], parseC: [] };
  for (let r = 0; r < rounds; r++) {
    let t = performance.now(), c = cpuMs();
    for (const s of sources) lex(s);
    runs.lexW.push(performance.now() - t);
    runs.lexC.push(cpuMs() - c);
    t = performance.now(); c = cpuMs();
    for (const s of sources) front.parse(s, '=bench');
    runs.parseW.push(performance.now() - t);
    runs.parseC.push(cpuMs() - c);
  }
  const mb = bytes / 1e6;
  const rate = (ms) => (mb / ms * 1e3).toFixed(1).padStart(5);
  const best = (xs) => Math.min(...xs);
  // The median round shows how stable the best one is (the machine is shared).
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(`${label.padEnd(16)} ${mb.toFixed(2).padStart(5)} MB | lex ${rate(best(runs.lexW))} MB/s wall, ${rate(best(runs.lexC))} cpu | ` +
    `lex+parse ${rate(best(runs.parseW))} MB/s wall, ${rate(best(runs.parseC))} cpu`);
  console.log(`${'  (median round)'.padEnd(16)}          | lex ${rate(median(runs.lexW))} MB/s wall, ${rate(median(runs.lexC))} cpu | ` +
    `lex+parse ${rate(median(runs.parseW))} MB/s wall, ${rate(median(runs.parseC))} cpu`);
}

const suite = process.argv[2];
if (suite) bench('official suite', collect(suite, []).map((f) => readFileSync(f, 'latin1')));
const progDir = '/work/shared/bench/programs';
if (existsSync(progDir)) bench('bench programs', collect(progDir, []).map((f) => readFileSync(f, 'latin1')));
bench('generated 5 MB', [generate(5e6)]);
