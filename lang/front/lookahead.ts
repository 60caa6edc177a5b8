// Lazy lookahead: Chevrotain computes a lookahead function for every OR, OPTION and
// repetition of the grammar when the parser is built, most of its construction time.
// This strategy hands Chevrotain a stub for each one instead; a stub builds the real
// function (with Chevrotain's own LL(k) strategy, so the same function) the first time the
// parser reaches that production and puts it in the parser's cache in its own place. A
// program pays only for the productions it uses, and `lunet -e ""` for almost none.

import type { ILookaheadStrategy, IOrAlt, OptionalProductionType, Rule } from 'chevrotain';
import { LLkLookaheadStrategy } from './chevrotain.js';

type LaFunction = (this: unknown, arg?: unknown) => unknown;

/** A stub, once the parser has stored it: where it lives in the parser's cache. */
export interface LaStub extends LaFunction { laKey: number; isLaStub: true }

/** What a stub needs of the parser: its lookahead cache (Chevrotain's `lookAheadFuncsCache`). */
interface LaCacheOwner { lookAheadFuncsCache: Map<number, LaFunction> }

function stub(build: () => LaFunction): LaStub {
  let real: LaFunction | null = null;
  const f = function (this: LaCacheOwner, arg?: unknown): unknown {
    if (real === null) {
      real = build();
      this.lookAheadFuncsCache.set(f.laKey, real);
    }
    return real.call(this, arg);
  } as LaStub;
  f.laKey = -1;
  f.isLaStub = true;
  return f;
}

export class LazyLookahead implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;

  constructor(maxLookahead: number) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: Parameters<ILookaheadStrategy['validate']>[0]): ReturnType<ILookaheadStrategy['validate']> {
    return this.llk.validate(options);
  }

  initialize(options: { rules: Rule[] }): void {
    this.llk.initialize?.(options);
  }

  buildLookaheadForAlternation(options: {
    prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean;
  }): (orAlts?: IOrAlt<unknown>[] | undefined) => number | undefined {
    // The parser's run-time tables (parser.ts) are built without the alternatives, so they
    // cannot evaluate an alternative's GATE: the grammar has none.
    if (options.hasPredicates) throw new Error('parser: a GATE on an OR alternative is not supported');
    return stub(() => this.llk.buildLookaheadForAlternation(options) as LaFunction) as unknown as
      (orAlts?: IOrAlt<unknown>[]) => number | undefined;
  }

  buildLookaheadForOptional(options: {
    prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number; dynamicTokensEnabled: boolean;
  }): () => boolean {
    return stub(() => this.llk.buildLookaheadForOptional(options) as LaFunction) as unknown as () => boolean;
  }
}

/** For the parser's setLaFuncCache: tells a stub its key. */
export function keyStub(key: number, f: unknown): void {
  if (typeof f === 'function' && (f as LaStub).isLaStub === true) (f as LaStub).laKey = key;
}
