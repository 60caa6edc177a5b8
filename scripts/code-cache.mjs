// Makes dist/lunet.cache, V8's code cache for the command-line bundle (see scripts/bundle.mjs
// and lang/cli/bundle-load.ts). V8 puts in a cache the bytecode of every function compiled so
// far, so the bundle first runs scripts/warm-cache.lua in this process (JIT off, then on)
// through the same paths a `lunet script.lua` takes: scanner, parser, compiler, interpreter,
// standard libraries, and the JIT.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePaths, loadBundle } from '../dist/lang/cli/bundle-load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const { cli, script } = loadBundle(dist, false);
await cli.provideAllModules();
const warm = join(root, 'scripts', 'warm-cache.lua');
for (const argv of [['-joff', warm], [warm]]) {
  const r = cli.runCliCaptured(argv);
  if (r.status !== 0) throw new Error(`warm-cache.lua failed (${argv.join(' ')}): ${r.stderr}`);
}
writeFileSync(bundlePaths(dist).cache, script.createCachedData());
