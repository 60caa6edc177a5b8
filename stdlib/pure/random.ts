// math.random's generator: xoshiro256** exactly as lmathlib.c (Lua 5.4), so a given seed
// yields lua5.4's sequence.
//
//   const r = new LuaRandom();           seeded like 5.4 at start-up (time + a per-state value)
//   r.seed(n1, n2 = 0n)                  math.randomseed(n1, n2) (n1, n2 int64 as bigint)
//   r.seedRandom(): [bigint, bigint]     math.randomseed() without arguments; returns the seeds
//   r.random(): number                   math.random()        float in [0, 1)
//   r.random0(): bigint                  math.random(0)       all 64 bits as an int64
//   r.randomRange(low, up): bigint       math.random(m) = (1n, m), math.random(m, n) = (m, n);
//                                        throws ArgError(1, 'interval is empty', 'random')
//   r.randomRangeNum(low, up): number    the same for bounds that are safe JS integers, with
//                                        no BigInt on the way when up - low < 2^32
// Each call draws one value before checking its arguments, as 5.4 does.
//
// The state is four 64-bit words held as 32-bit halves (lo, hi) in a Uint32Array: plain
// double arithmetic is exact for the *5 and *9 steps, so no BigInt per draw.

import { ArgError } from './args.js';

const TWO32 = 4294967296;

export class LuaRandom {
  /** [lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3] */
  readonly s = new Uint32Array(8);
  // halves of the last drawn value
  private rlo = 0;
  private rhi = 0;

  constructor() {
    this.seedRandom();
  }

  /** One xoshiro256** step; the result lands in rlo/rhi. */
  private next(): void {
    const s = this.s;
    const s0l = s[0]!, s0h = s[1]!, s1l = s[2]!, s1h = s[3]!;
    const s2l = s[4]! ^ s0l, s2h = s[5]! ^ s0h;
    const s3l = s[6]! ^ s1l, s3h = s[7]! ^ s1h;
    // res = rotl(s1 * 5, 7) * 9
    let m = s1l * 5;
    let lo = m >>> 0;
    let hi = (s1h * 5 + Math.floor(m / TWO32)) >>> 0;
    const rl = ((lo << 7) | (hi >>> 25)) >>> 0;
    const rh = ((hi << 7) | (lo >>> 25)) >>> 0;
    m = rl * 9;
    lo = m >>> 0;
    hi = (rh * 9 + Math.floor(m / TWO32)) >>> 0;
    this.rlo = lo;
    this.rhi = hi;
    s[0] = s0l ^ s3l; s[1] = s0h ^ s3h;
    s[2] = s1l ^ s2l; s[3] = s1h ^ s2h;
    s[4] = s2l ^ (s1l << 17); s[5] = s2h ^ ((s1h << 17) | (s1l >>> 15));
    // rotl(s3, 45): swap halves, then rotate by 13
    s[6] = (s3h << 13) | (s3l >>> 19);
    s[7] = (s3l << 13) | (s3h >>> 19);
  }

  seed(n1: bigint, n2: bigint = 0n): void {
    const s = this.s;
    const a = BigInt.asUintN(64, n1), b = BigInt.asUintN(64, n2);
    s[0] = Number(a & 0xffffffffn); s[1] = Number(a >> 32n);
    s[2] = 0xff; s[3] = 0;
    s[4] = Number(b & 0xffffffffn); s[5] = Number(b >> 32n);
    s[6] = 0; s[7] = 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  seedRandom(): [bigint, bigint] {
    const n1 = BigInt(Math.floor(Date.now() / 1000));
    const n2 = BigInt(Math.floor(Math.random() * TWO32)) * 65536n + BigInt(Math.floor(Math.random() * 65536));
    this.seed(n1, n2);
    return [n1, n2];
  }

  random(): number {
    this.next();
    // top 53 bits scaled by 2^-53
    return (this.rhi * 2097152 + (this.rlo >>> 11)) * 1.1102230246251565e-16;
  }

  random0(): bigint {
    this.next();
    return BigInt.asIntN(64, (BigInt(this.rhi) << 32n) | BigInt(this.rlo));
  }

  randomRange(low: bigint, up: bigint): bigint {
    this.next();
    if (!(low <= up)) throw new ArgError(1, 'interval is empty', 'random');
    const n = BigInt.asUintN(64, up - low);
    let ran = (BigInt(this.rhi) << 32n) | BigInt(this.rlo);
    if ((n & (n + 1n)) === 0n) ran &= n;
    else {
      let lim = n;
      lim |= lim >> 1n; lim |= lim >> 2n; lim |= lim >> 4n; lim |= lim >> 8n;
      lim |= lim >> 16n; lim |= lim >> 32n;
      while ((ran &= lim) > n) {
        this.next();
        ran = (BigInt(this.rhi) << 32n) | BigInt(this.rlo);
      }
    }
    return BigInt.asIntN(64, ran + low);
  }

  randomRangeNum(low: number, up: number): number {
    const n = up - low;
    if (!(n >= 0 && n < TWO32)) return Number(this.randomRange(BigInt(low), BigInt(up)));
    this.next();
    let ran = this.rlo;
    if (((n + 1) & n) === 0 || n === TWO32 - 1) ran = (ran & n) >>> 0;
    else {
      let lim = n;
      lim |= lim >>> 1; lim |= lim >>> 2; lim |= lim >>> 4; lim |= lim >>> 8; lim |= lim >>> 16;
      lim >>>= 0;
      while ((ran = (ran & lim) >>> 0) > n) {
        this.next();
        ran = this.rlo;
      }
    }
    return ran + low;
  }
}
