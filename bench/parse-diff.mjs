// Differential check of the front end against another build of it (e.g. main's): the same
// compiled chunk (luac's binary format with debug info: instructions, constants, lines,
// names), or the same error message, for every .lua file of a folder and random mutations
// of each (deleted ranges, inserted tokens or bytes, truncations), parsed as a file and as
// a string. With --ast the ASTs are compared instead (only between builds whose AST has
// the same shape).
//   node bench/parse-diff.mjs [--ast] <other repo>/dist <folder> [mutations per file] [seed]
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const astMode = args[0] === '--ast';
if (astMode) args.shift();
const [other, dir, perFile = '20', seedArg = '1'] = args;
if (!other || !dir) {
  console.error('usage: node bench/parse-diff.mjs [--ast] <other dist> <folder> [mutations per file] [seed]');
  process.exit(2);
}
async function load(dist) {
  const front = await import(resolve(dist, 'lang/front/index.js'));
  const { compile } = await import(resolve(dist, 'lang/compile/index.js'));
  const { dumpProto } = await import(resolve(dist, 'lang/compile/dump.js'));
  return { parse: astMode ? front.parse : (s, name, o) => dumpProto(compile(front.parse(s, name, o)), false) };
}
const A = await load(other);
const B = await load(resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../dist'));
const files = readdirSync(dir).filter((f) => f.endsWith('.lua')).sort();
const N = Number(perFile);
let seed = Number(seedArg);
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const TOKENS = [' end ', ' ( ', ')', ' = ', ',', ' local ', ' function ', '...', ' [ ', ']', '{', '}', ' 1 ',
  ' x ', '.', ':', '::', ' goto ', ' return ', ';', ' not ', ' - ', ' .. ', ' 0x ', ' "s" ', ' <const> ',
  ' then ', ' do ', ' for ', ' in ', ' if ', '\n'];
// JSON has no bigint, infinities or -0: tag them so they compare exactly.
const replacer = (_k, v) => typeof v === 'bigint' ? v.toString() + 'n'
  : typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? String(v) + 'num' : v;
function run(front, s, name, isFile) {
  try {
    const r = front.parse(s, name, { isFile });
    return typeof r === 'string' ? r : JSON.stringify(r, replacer);
  } catch (e) { return 'ERR ' + e.message; }
}
let cases = 0, diffs = 0;
for (const f of files) {
  const src = readFileSync(resolve(dir, f), 'latin1');
  for (let m = 0; m <= N; m++) {
    let s = src;
    if (m > 0) {
      const kind = rnd(4), p = rnd(s.length);
      if (kind === 0) s = s.slice(0, p) + s.slice(p + rnd(40));
      else if (kind === 1) s = s.slice(0, p) + TOKENS[rnd(TOKENS.length)] + s.slice(p);
      else if (kind === 2) s = s.slice(0, p);
      else s = s.slice(0, p) + String.fromCharCode(rnd(128)) + s.slice(p);
    }
    for (const isFile of [true, false]) {
      const a = run(A, s, '@' + f, isFile), b = run(B, s, '@' + f, isFile);
      cases++;
      if (a !== b) {
        diffs++;
        if (diffs <= 10) console.log('DIFF', f, 'mutation', m, isFile ? 'file' : 'string', a.slice(0, 160), '|', b.slice(0, 160));
      }
    }
  }
}
console.log(`${cases} cases, ${diffs} differences`);
process.exitCode = diffs > 0 ? 1 : 0;
