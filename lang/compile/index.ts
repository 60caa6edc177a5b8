// The compiler's public face: AST → Proto, its listing, and compile errors raised as the
// front end's LuaSyntaxError (same class and message format as parse errors).

import type { Chunk } from '../front/ast.js';
import { LuaSyntaxError, chunkId } from '../front/index.js';
import { Compiler, CompileError } from './compiler.js';
import type { Proto } from './proto.js';

export type { Proto, Constant, UpvalDesc, LocVar } from './proto.js';

/**
 * Compiles a parsed chunk. The main function is vararg and has one upvalue, `_ENV`.
 * Throws LuaSyntaxError for lparser's semantic errors (gotos, labels, <const>, limits).
 */
export function compile(chunk: Chunk): Proto {
  try {
    return new Compiler(chunk.chunkName).compileChunk(chunk);
  } catch (e) {
    if (e instanceof CompileError) {
      let msg = `${chunkId(chunk.chunkName)}:${e.line}: ${e.msg}`;
      if (e.near) msg += ` near ${e.near}`;
      throw new LuaSyntaxError(msg, e.line);
    }
    throw e;
  }
}
