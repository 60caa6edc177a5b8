// Runs the command-line bundle (dist/lunet.cjs, made by scripts/bundle.mjs) with V8's code
// cache for it (dist/lunet.cache). With the cache V8 deserialises the bytecode the build's
// warm-up run compiled instead of parsing and compiling ~1 MB of JavaScript at every start:
// `lunet -e ""` starts about 45 ms sooner. The bundle is a CommonJS-style script because
// only a vm.Script takes a code cache (Node 20 has no cache for ES modules).
//
// V8 checks a cache's version, flags and source length, not the source itself, so a cache is
// used only when it is at least as new as the bundle (the build removes both, then writes the
// bundle, then the cache); a rejected cache costs nothing but the compile it would have saved.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as vm from 'node:vm';

export type CliModule = typeof import('./main.js');

/** Where the build puts the bundle and its cache, beside dist/cli.js. */
export function bundlePaths(dist: string): { bundle: string; cache: string; mainJs: string } {
  return { bundle: join(dist, 'lunet.cjs'), cache: join(dist, 'lunet.cache'), mainJs: join(dist, 'lang', 'cli', 'main.js') };
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** True when the bundle exists and is no older than the last tsc output (tsc rewrites every
 *  file of dist, so an older bundle was built from older code). */
export function bundleIsFresh(dist: string): boolean {
  const p = bundlePaths(dist);
  const b = mtime(p.bundle);
  return b >= 0 && b >= mtime(p.mainJs);
}

export interface LoadedBundle {
  cli: CliModule;
  script: vm.Script;
  /** 'used', 'rejected' (V8 refused it) or 'none' (missing or older than the bundle). */
  cache: 'used' | 'rejected' | 'none';
}

/** Loads and runs the bundle's module body; `useCache: false` compiles it from source (the
 *  build does that to make the cache). */
export function loadBundle(dist: string, useCache = true): LoadedBundle {
  const p = bundlePaths(dist);
  const source = readFileSync(p.bundle, 'utf8');
  let cachedData: Buffer | undefined;
  if (useCache && mtime(p.cache) >= mtime(p.bundle)) {
    try {
      cachedData = readFileSync(p.cache);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: p.bundle, cachedData });
  const mod = { exports: {} as CliModule };
  const body = script.runInThisContext() as (e: object, r: NodeRequire, m: object, f: string, d: string) => void;
  body(mod.exports, createRequire(p.bundle), mod, p.bundle, dirname(p.bundle));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { cli: mod.exports, script, cache };
}
