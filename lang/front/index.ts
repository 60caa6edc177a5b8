// lang/front: Lua 5.4 source (a byte string) → AST, or Lua's exact syntax error.

import type { Chunk } from './ast.js';
import { chunkId } from './chunkid.js';
import { LuaSyntaxError } from './errors.js';
import { tokenize } from './lexer.js';
import { getParser } from './parser.js';
import { checkChunk } from './check.js';

export { chunkId } from './chunkid.js';
export { LuaSyntaxError } from './errors.js';
export type * from './ast.js';

export interface ParseOptions {
  /**
   * Treat the source as a file's contents, as luaL_loadfile does: drop a UTF-8 BOM and a
   * first line starting with '#' (keeping its newline, so line numbers stay right).
   * Default: true when chunkName starts with '@' or '=' (files and stdin), false otherwise;
   * `load` of a string must pass false whatever its chunk name.
   */
  isFile?: boolean;
  /**
   * C levels already in use when the parser starts; Lua's parser fails with
   * "C stack overflow" when its nesting plus these reaches 200. lua5.4 running a script
   * has 1 (the default); `load` called from Lua code has 2.
   */
  cLevels?: number;
}

/** luaL_loadfile's header handling: BOM, then a '#' first line. */
export function stripFileHeader(source: string): string {
  let s = source.startsWith('\xEF\xBB\xBF') ? source.slice(3) : source;
  if (s.charCodeAt(0) === 0x23 /* '#' */) {
    const nl = s.indexOf('\n');
    s = nl < 0 ? '\n' : s.slice(nl);
  }
  return s;
}

/**
 * Parses a chunk. `source` is a byte string (one char per byte); `chunkName` is Lua's raw
 * chunk name (`@file.lua`, `=stdin`, or the source text for `load`). Throws LuaSyntaxError.
 */
export function parse(source: string, chunkName: string, options?: ParseOptions): Chunk {
  const c0 = chunkName.charCodeAt(0);
  const isFile = options?.isFile ?? (c0 === 0x40 || c0 === 0x3d);
  const src = isFile ? stripFileHeader(source) : source;
  const cBase = options?.cLevels ?? 1;
  try {
    return getParser().parseChunk(src, chunkName, cBase);
  } catch {
    // Bail (or anything unexpected): the checker below reports Lua's exact error.
  }
  const lx = tokenize(src);
  checkChunk(lx, chunkName, cBase);
  // The checker found the chunk valid although the fast parser refused it: a front-end bug.
  throw new LuaSyntaxError(`${chunkId(chunkName)}:${lx.eofLine}: syntax error (internal parser disagreement)`, lx.eofLine);
}
