// Size of the AST of bench/parse.mjs's generated 5 MB file: heap growth while it is alive,
// and a walk counting its objects (an array is two: the JSArray and its elements) and their
// bytes (8 per field plus a 3-word header; strings once), by node kind.
//   node --expose-gc bench/parse-ast.mjs [dist folder of a build]
import { resolve } from 'node:path';
import { generate } from './generate.mjs';
const dist = resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname);
const front = await import(dist + '/lang/front/index.js');
const src = generate(5e6);
const counts = new Map(), kb = new Map();
const addb = (k, b) => kb.set(k, (kb.get(k) ?? 0) + b);
const inc = (k) => counts.set(k, (counts.get(k) ?? 0) + 1);
const seen = new Set(), strs = new Set();
let total = 0, bytes = 0;
function walk(root) {
  const stack = [[root, 'chunk']];
  while (stack.length) {
    const [x, ctx] = stack.pop();
    if (typeof x === 'bigint') { if (x < 0n || x >= 1024n) { inc('bigint'); total++; bytes += 24; } continue; }
    if (typeof x === 'string') { if (!strs.has(x) && x.length > 1) { strs.add(x); bytes += 24 + ((x.length + 7) & ~7); addb('strings', 24 + ((x.length + 7) & ~7)); } continue; }
    if (x === null || typeof x !== 'object') continue;
    if (seen.has(x)) { inc('shared ' + (Array.isArray(x) ? 'array' : x.kind ?? 'obj')); continue; }
    seen.add(x);
    total++;
    if (Array.isArray(x)) { total++; bytes += 32 + 16 + 8 * x.length; addb('arrays', 48 + 8 * x.length); inc(`array[${x.length > 4 ? '5+' : x.length}] in ${ctx}`); for (const e of x) stack.push([e, ctx]); continue; }
    const kind = x.kind ?? ('{' + Object.keys(x).join(',') + '}');
    inc(kind);
    { const b = 24 + 8 * Object.keys(x).length + (x.kind === 'Float' ? 16 : 0); bytes += b; addb(kind, b); }
    for (const [k, v] of Object.entries(x)) stack.push([v, kind + '.' + k]);
  }
}
globalThis.gc?.();
const h0 = process.memoryUsage().heapUsed;
let ast = front.parse(src, '=x');
globalThis.gc?.();
const h1 = process.memoryUsage().heapUsed;
console.log(`AST heap ${( (h1 - h0) / 1e6).toFixed(1)} MB`);
walk(ast);
console.log(`objects ${total} (arrays count 2: JSArray + elements), ${(bytes / 1e6).toFixed(1)} MB by fields (8-byte words; strings counted once)`);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(9), k);

console.log('MB by kind:', [...kb].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${(v / 1e6).toFixed(1)}`).join(', '));
