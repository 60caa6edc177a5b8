#!/usr/bin/env node
// The `lunet` command; everything lives in lang/cli. The build also bundles lang/cli and all
// it imports into dist/lunet.cjs with a V8 code cache (scripts/bundle.mjs,
// lang/cli/bundle-load.ts), which starts about 75 ms sooner than ~60 separate modules.
// `tsc` rewrites every file of dist, so a bundle older than lang/cli/main.js predates the last
// compile: then (or without a bundle, or with LUNET_BUNDLE=0) the modules themselves run.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh, loadBundle } from './lang/cli/bundle-load.js';

const dist = dirname(fileURLToPath(import.meta.url));
const { main } = process.env.LUNET_BUNDLE !== '0' && bundleIsFresh(dist)
  ? loadBundle(dist).cli
  : await import('./lang/cli/main.js');

await main(process.argv.slice(2));
