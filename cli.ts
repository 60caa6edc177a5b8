#!/usr/bin/env node
// The `lunet` command; everything lives in lang/cli. The build also bundles lang/cli and all
// it imports into dist/lunet.mjs (scripts/bundle.mjs), which starts 50-60 ms sooner than
// ~60 separate modules. `tsc` rewrites every file of dist, so a bundle older than
// lang/cli/main.js predates the last compile: then (or without a bundle, or with
// LUNET_BUNDLE=0) the modules themselves run.
import { statSync } from 'node:fs';

type CliModule = typeof import('./lang/cli/main.js');

function bundleIsFresh(bundle: URL): boolean {
  try {
    return statSync(bundle).mtimeMs >= statSync(new URL('./lang/cli/main.js', import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
}

const bundle = new URL('./lunet.mjs', import.meta.url);
const { main } = process.env.LUNET_BUNDLE !== '0' && bundleIsFresh(bundle)
  ? await import(bundle.href) as CliModule
  : await import('./lang/cli/main.js');

await main(process.argv.slice(2));
