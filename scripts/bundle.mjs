// Bundles the command line (dist/lang/cli/main.js and every module it imports, Chevrotain
// included) into one script, dist/lunet.cjs, and then makes V8's code cache for it,
// dist/lunet.cache (scripts/code-cache.mjs). dist/cli.js runs the bundle while it is fresh
// (lang/cli/bundle-load.ts). Loading ~60 ES modules costs Node a resolution, a file read and a
// compile each, and compiling ~1 MB of JavaScript costs V8 tens of milliseconds more at every
// start; the cache holds the bytecode instead.
// The bundle is an optimisation only: where esbuild is missing (an install without
// devDependencies, a platform without its binary) this prints why and the CLI runs the
// modules themselves.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// tsc has just written dist: the bundle's and cache's names come from the loader that reads them
import { bundlePaths } from '../dist/lang/cli/bundle-load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const { bundle: outfile, cache, mainJs } = bundlePaths(dist);
// A bundle or cache left from an earlier build must not outlive a failed one
// (dist/lunet.mjs is the ES-module bundle earlier builds made).
for (const f of [outfile, cache, join(dist, 'lunet.mjs')]) rmSync(f, { force: true });
let esbuild;
try {
  esbuild = await import('esbuild');
} catch (e) {
  console.warn(`lunet: no bundle (esbuild unavailable: ${e.message.split('\n')[0]}); the CLI loads its modules one by one`);
  process.exit(0);
}

// front/chevrotain.js finds Chevrotain's single-file build through import.meta.resolve and
// imports it by a computed URL, which a bundler cannot follow: in the bundle that module
// re-exports the same file, imported statically.
const chevrotainFile = fileURLToPath(new URL('../chevrotain.mjs', import.meta.resolve('chevrotain')));
const chevrotainStatic = {
  name: 'chevrotain-static',
  setup(build) {
    build.onLoad({ filter: /[\\/]lang[\\/]front[\\/]chevrotain\.js$/ }, () => ({
      contents: `import * as chev from ${JSON.stringify(chevrotainFile)};\n` +
        'export const { createToken, Lexer, EmbeddedActionsParser, EOF, LLkLookaheadStrategy } = chev;\n',
      loader: 'js',
      resolveDir: dist,
    }));
  },
};

try {
  await esbuild.build({
    entryPoints: [mainJs],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // the modules locate the addon and Chevrotain from their own URL; in the bundle that is
    // the bundle's
    define: { 'import.meta.url': '__lunetBundleUrl' },
    banner: { js: 'var __lunetBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [chevrotainStatic],
    logLevel: 'warning',
  });
} catch (e) {
  // esbuild writes nothing when the build fails, and the old bundle is already gone
  console.warn(`lunet: no bundle (esbuild failed: ${e.message.split('\n')[0]}); the CLI loads its modules one by one`);
  process.exit(0);
}

// The cache is made by a plain `node` (V8 accepts a cache only under the flags that made it).
const r = spawnSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs')], { stdio: 'inherit' });
if (r.status !== 0) {
  rmSync(cache, { force: true });
  console.warn('lunet: no code cache (scripts/code-cache.mjs failed); the bundle compiles at every start');
}
