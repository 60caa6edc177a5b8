// Chevrotain, loaded from the single-file bundle it ships (lib/chevrotain.mjs) rather than
// its package entry: the entry pulls in hundreds of lodash-es modules (~600 ms of CPU at
// every lunet start on the project machines), the bundle ~30 ms. Same code, same API.
// Every front-end module takes Chevrotain from here so all share one instance.

import type * as Chev from 'chevrotain';

async function load(): Promise<typeof Chev> {
  try {
    // lib/src/api.js → lib/chevrotain.mjs
    const entry = import.meta.resolve('chevrotain');
    return (await import(new URL('../chevrotain.mjs', entry).href)) as typeof Chev;
  } catch {
    return await import('chevrotain');
  }
}

const chev = await load();
export const { createToken, Lexer, EmbeddedActionsParser, EOF, LLkLookaheadStrategy } = chev;
