// Builds the native addon with node-gyp. The addon is optional: where it cannot be built
// (no compiler, not x86-64 Linux) lunet runs interpreted, so a failed build must not fail
// `npm install`. The reason is kept in build/addon-status.txt for `lunet -v`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const statusFile = join(root, 'build', 'addon-status.txt');

function record(text) {
  mkdirSync(dirname(statusFile), { recursive: true });
  writeFileSync(statusFile, text + '\n');
}

if (process.env.LUNET_NATIVE === '0') {
  record('not built: LUNET_NATIVE=0 at install');
  process.exit(0);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  record(`not built: platform ${process.platform}-${process.arch} has no JIT backend`);
  process.exit(0);
}
let gyp = process.env.npm_config_node_gyp;
try {
  // Prefer the project's pinned node-gyp; npm's own copy serves installs without devDependencies.
  gyp = createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
} catch {
  if (!gyp) {
    record('not built: node-gyp is not installed');
    process.exit(0);
  }
}
// node-gyp downloads Node's headers unless told where they are. npm passes its `nodedir`
// setting as npm_config_nodedir; run by hand, use the headers installed beside this node
// (<prefix>/include/node), so a build needs no network when they exist.
const gypArgs = [gyp, 'rebuild'];
if (!process.env.npm_config_nodedir) {
  const prefix = join(dirname(process.execPath), '..');
  if (existsSync(join(prefix, 'include', 'node', 'node_api.h'))) gypArgs.push(`--nodedir=${prefix}`);
}
const r = spawnSync(process.execPath, gypArgs, { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  record(`not built: node-gyp exited with status ${r.status}`);
  console.warn('lunet: the native addon did not build; lunet will run with the JIT off');
} else {
  record('built');
}
