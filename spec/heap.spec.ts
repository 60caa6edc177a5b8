// Heap unit tests. Expected values for Lua-visible behaviour were checked with lua5.4
// (integer corners, `#` borders, weak tables, finalizer order).
import { strict as assert } from 'node:assert';
import { Heap, LuaMemoryError, LuaRuntimeError } from '../lang/heap/index.js';
import * as I from '../lang/heap/int64.js';
import { Tag } from '../lang/heap/tags.js';
import { hashString } from '../lang/heap/strings.js';
import type { Proto } from '../lang/compile/proto.js';

const MiB = 1024 * 1024;

/** Compute with an int64 helper and read the result as a bigint. */
function big(f: (alo: number, ahi: number, blo: number, bhi: number) => void, a: bigint, b: bigint): bigint {
  const A = BigInt.asIntN(64, a), B = BigInt.asIntN(64, b);
  f(Number(BigInt.asIntN(32, A)), Number(A >> 32n), Number(BigInt.asIntN(32, B)), Number(B >> 32n));
  return I.toBig(I.RES_LO, I.RES_HI);
}
function halves(v: bigint): [number, number] {
  const w = BigInt.asIntN(64, v);
  return [Number(BigInt.asIntN(32, w)), Number(w >> 32n)];
}
const MAXI = 9223372036854775807n, MINI = -9223372036854775808n;

describe('int64', () => {
  it('wraps add/sub/mul like lua5.4', () => {
    assert.equal(big(I.add, MAXI, 1n), MINI);                 // math.maxinteger+1 == math.mininteger
    assert.equal(big(I.sub, MINI, 1n), MAXI);
    assert.equal(big(I.mul, MAXI, 3n), 9223372036854775805n); // math.maxinteger * 3
    assert.equal(big(I.mul, 123456789012n, 987654321n), -7194577391479740460n);
    assert.equal(big(I.mul, -3n, 5n), -15n);
    assert.equal(big(I.mul, 65536n * 65536n, 65536n * 65536n), 0n);
    I.unm(...halves(MINI)); assert.equal(I.toBig(I.RES_LO, I.RES_HI), MINI);
    I.unm(...halves(5n)); assert.equal(I.toBig(I.RES_LO, I.RES_HI), -5n);
  });

  it('floor division and modulo follow Lua signs', () => {
    assert.equal(big(I.idiv, MINI, -1n), MINI);               // mininteger // -1
    assert.equal(big(I.idiv, -7n, 2n), -4n);
    assert.equal(big(I.idiv, 7n, 2n), 3n);
    assert.equal(big(I.idiv, -9223372036854775807n, 7n), -1317624576693539401n);
    assert.equal(big(I.mod, 7n, -3n), -2n);
    assert.equal(big(I.mod, -7n, 3n), 2n);
    assert.equal(big(I.mod, MINI, -1n), 0n);
    assert.equal(big(I.mod, MAXI, -10n), -3n);
    assert.equal(big(I.mod, -6n, 3n), 0n);
    assert.ok(Object.is(Number(big(I.mod, -6n, 3n)), 0));
  });

  it('shifts use Lua semantics for wide and negative counts', () => {
    assert.equal(big(I.shl, 1n, 64n), 0n);
    assert.equal(big(I.shl, 1n, 63n), MINI);
    assert.equal(big(I.shr, -1n, 1n), MAXI);
    assert.equal(big(I.shl, 1n, -1n), 0n);
    assert.equal(big(I.shr, 1n, -3n), 8n);
    assert.equal(big(I.shl, 0x12345678n, 36n), 0x2345678000000000n);
    assert.equal(big(I.shr, MINI, 63n), 1n);
    assert.equal(big(I.shl, 1n, 1n << 40n), 0n);
    assert.equal(big(I.band, -1n, 0xff00ff00ff00n), 0xff00ff00ff00n);
    assert.equal(big(I.bxor, -1n, 0n), -1n);
  });

  it('compares signed, unsigned and int against float exactly', () => {
    assert.ok(I.ult(...halves(1n), ...halves(-1n)));          // math.ult(1, -1)
    assert.ok(I.lt(...halves(-1n), ...halves(1n)));
    const p53 = halves((1n << 53n) + 1n);
    assert.ok(!I.eqIntFloat(p53[0], p53[1], 2 ** 53));         // (1<<53)+1 == 2.0^53 -> false
    assert.ok(I.ltFloatInt(2 ** 53, p53[0], p53[1]));          // (1<<53)+1 > 2^53 -> true
    assert.ok(!I.ltIntFloat(...halves(MINI), -(2 ** 63)));     // mininteger < -2^63 -> false
    assert.ok(I.leIntFloat(...halves(MINI), -(2 ** 63)));      // mininteger <= -2^63 -> true
    assert.ok(I.ltIntFloat(...halves(MAXI), 2 ** 63));         // maxinteger < 2^63 -> true
    assert.ok(!I.eqIntFloat(...halves(MAXI), 2 ** 63));        // maxinteger == 2^63 -> false
    assert.equal(I.toDouble(...halves(MAXI)), 2 ** 63);        // maxinteger + 0.0 == 2^63
    assert.ok(I.eqIntFloat(0, 0, -0));                         // -0.0 == 0
    assert.ok(!I.ltIntFloat(0, 0, NaN) && !I.leFloatInt(NaN, 0, 0));
  });

  it('converts floats to integers only when exact (or rounded in floor/ceil mode)', () => {
    assert.ok(I.fromDouble(-0, I.F2I.Eq)); assert.equal(I.RES_LO, 0); assert.equal(I.RES_HI, 0);
    assert.ok(!I.fromDouble(2 ** 63, I.F2I.Eq));
    assert.ok(I.fromDouble(-(2 ** 63), I.F2I.Eq)); assert.equal(I.toBig(I.RES_LO, I.RES_HI), MINI);
    assert.ok(!I.fromDouble(1.5, I.F2I.Eq));
    assert.ok(I.fromDouble(1.5, I.F2I.Floor)); assert.equal(I.RES_LO, 1);
    assert.ok(I.fromDouble(-1.5, I.F2I.Ceil)); assert.equal(I.RES_LO, -1);
    assert.ok(!I.fromDouble(NaN, I.F2I.Floor));
    assert.ok(I.fromDouble(2 ** 62 + 2 ** 40, I.F2I.Eq));
    assert.equal(I.toBig(I.RES_LO, I.RES_HI), (1n << 62n) + (1n << 40n));
  });

  it('matches BigInt on random operands (edges, 32-bit, 53-bit and full 64-bit values)', () => {
    let seed = 987654321n;
    const next64 = () => { seed = BigInt.asUintN(64, seed * 6364136223846793005n + 1442695040888963407n); return seed; };
    const edges = [0n, 1n, -1n, 2n, -2n, 7n, -7n, MAXI, MINI, MAXI - 1n, MINI + 1n, 2147483647n, -2147483648n,
      2147483648n, 4294967295n, 4294967296n, 1n << 53n, -(1n << 53n), (1n << 53n) + 1n, 3037000499n, 2147483648n * 3n];
    const rand = (): bigint => {
      const r = next64();
      switch (Number(r & 3n)) {
        case 0: return edges[Number((r >> 8n) % BigInt(edges.length))];
        case 1: return BigInt.asIntN(32, r >> 7n);
        case 2: return BigInt.asIntN(54, r >> 3n);
        default: return BigInt.asIntN(64, r);
      }
    };
    const w = (v: bigint) => BigInt.asIntN(64, v);
    const floorDiv = (a: bigint, b: bigint) => { let q = a / b; if (a % b !== 0n && (a < 0n) !== (b < 0n)) q -= 1n; return q; };
    const floorMod = (a: bigint, b: bigint) => { let m = a % b; if (m !== 0n && (m < 0n) !== (b < 0n)) m += b; return m; };
    for (let i = 0; i < 20000; i++) {
      const a = rand(), b = rand();
      const ctx = `a=${a} b=${b}`;
      assert.equal(big(I.add, a, b), w(a + b), 'add ' + ctx);
      assert.equal(big(I.sub, a, b), w(a - b), 'sub ' + ctx);
      assert.equal(big(I.mul, a, b), w(a * b), 'mul ' + ctx);
      if (b !== 0n) {
        assert.equal(big(I.idiv, a, b), w(floorDiv(a, b)), 'idiv ' + ctx);
        assert.equal(big(I.mod, a, b), w(floorMod(a, b)), 'mod ' + ctx);
      }
      const n = BigInt(Number(next64() % 140n) - 70);
      const ua = BigInt.asUintN(64, a);
      const shl = n >= 64n || n <= -64n ? 0n : n >= 0n ? w(ua << n) : w(ua >> -n);
      assert.equal(big(I.shl, a, n), shl, 'shl ' + ctx + ' n=' + n);
      assert.equal(big(I.shr, a, -n), shl, 'shr ' + ctx + ' n=' + n);
      assert.equal(I.lt(...halves(a), ...halves(b)), a < b, 'lt ' + ctx);
      assert.equal(I.le(...halves(a), ...halves(b)), a <= b, 'le ' + ctx);
      assert.equal(I.ult(...halves(a), ...halves(b)), ua < BigInt.asUintN(64, b), 'ult ' + ctx);
      assert.equal(I.toString(...halves(a)), a.toString());
      // exact comparisons against the (rounded) float value of b, or of b * 1.5 when integral
      const f = Number(b) * (i % 2 === 0 ? 1 : 1.5);
      const fExact = Number.isInteger(f) ? BigInt(f) : null;
      if (fExact !== null) {
        assert.equal(I.ltIntFloat(...halves(a), f), a < fExact, 'ltIntFloat ' + ctx);
        assert.equal(I.leIntFloat(...halves(a), f), a <= fExact, 'leIntFloat ' + ctx);
        assert.equal(I.ltFloatInt(f, ...halves(a)), fExact < a, 'ltFloatInt ' + ctx);
        assert.equal(I.eqIntFloat(...halves(a), f), a === fExact, 'eqIntFloat ' + ctx);
      }
    }
  });

  it('prints int64 values', () => {
    assert.equal(I.toString(...halves(MINI)), '-9223372036854775808');
    assert.equal(I.toString(...halves(MAXI)), '9223372036854775807');
    assert.equal(I.toString(...halves(-42n)), '-42');
    assert.equal(I.toString(...halves(1n << 40n)), '1099511627776');
  });
});

/** Small helper for driving tables with JS values through TValues on the main stack. */
class T {
  h: Heap; k: number; v: number; o: number;
  constructor(h: Heap) {
    this.h = h;
    const st = h.threadStack(h.mainThread);
    this.k = st; this.v = st + 16; this.o = st + 32;
  }
  put(p: number, x: unknown): void {
    const h = this.h;
    if (x === null || x === undefined) h.setNil(p);
    else if (typeof x === 'boolean') h.setBool(p, x);
    else if (typeof x === 'bigint') h.setIntBig(p, x);
    else if (typeof x === 'number') { if (Number.isInteger(x) && !Object.is(x, -0)) h.setInt(p, x); else h.setFloat(p, x); }
    else if (typeof x === 'string') h.setStr(p, h.intern(x));
    else if (typeof x === 'object' && 'table' in (x as object)) h.setObj(p, Tag.Table, (x as { table: number }).table);
    else throw new Error('unsupported');
  }
  read(p: number): unknown {
    const h = this.h, tag = h.i32[(p + 8) >> 2];
    switch (tag) {
      case Tag.Nil: return undefined;
      case Tag.False: return false;
      case Tag.True: return true;
      case Tag.Int: return Number(h.getIntBig(p));
      case Tag.Float: return h.f64[p >> 3];
      case Tag.Str: return h.str(h.i32[p >> 2]);
      default: return { table: h.i32[p >> 2] };
    }
  }
  set(t: number, k: unknown, v: unknown): void { this.put(this.k, k); this.put(this.v, v); this.h.set(t, this.k, this.v); }
  get(t: number, k: unknown): unknown { this.put(this.k, k); return this.read(this.h.get(t, this.k)); }
  keys(t: number): unknown[] {
    const out: unknown[] = [];
    this.h.setNil(this.o);
    while (this.h.next(t, this.o, this.o, this.v)) out.push(this.read(this.o));
    return out;
  }
}

describe('tables', () => {
  it('stores every key kind and normalises integral floats', () => {
    const h = new Heap({ memoryLimit: 64 * MiB }), x = new T(h);
    const t = h.newTable(0, 0);
    x.set(t, 1, 'one'); x.set(t, 'a', 2); x.set(t, 2.5, 'f'); x.set(t, true, 't'); x.set(t, false, 'F');
    x.set(t, -5, 'neg'); x.set(t, 1n << 40n, 'big'); x.set(t, MINI, 'min'); x.set(t, { table: t }, 'self');
    x.set(t, 3.0, 'three');
    assert.equal(x.get(t, 1.0), 'one');
    assert.equal(x.get(t, 3), 'three');
    assert.equal(h.i32[(h.getInt(t, 3) + 8) >> 2], Tag.Str);
    assert.equal(x.get(t, 'a'), 2);
    assert.equal(x.get(t, 2.5), 'f');
    assert.equal(x.get(t, true), 't');
    assert.equal(x.get(t, false), 'F');
    assert.equal(x.get(t, -5), 'neg');
    assert.equal(x.get(t, 1n << 40n), 'big');
    assert.equal(x.get(t, MINI), 'min');
    assert.equal(x.get(t, { table: t }), 'self');
    assert.equal(x.get(t, 2 ** 40), 'big');
    assert.equal(x.get(t, NaN), undefined);
    assert.equal(x.get(t, 'b'), undefined);
    assert.equal(x.keys(t).length, 10);
  });

  it('raises table index is nil / NaN', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const t = h.newTable(0, 0);
    assert.throws(() => x.set(t, null, 1), (e: unknown) => e instanceof LuaRuntimeError && e.message === 'table index is nil');
    assert.throws(() => x.set(t, NaN, 1), (e: unknown) => e instanceof LuaRuntimeError && e.message === 'table index is NaN');
    x.set(t, 'k', null); // assigning nil to an absent key is a no-op
    assert.equal(x.keys(t).length, 0);
  });

  it('moves integer keys between hash and array parts (computesizes)', () => {
    const h = new Heap({ memoryLimit: 64 * MiB }), x = new T(h);
    const t = h.newTable(0, 0);
    for (let i = 100; i >= 1; i--) x.set(t, i, i * 2);
    assert.equal(h.length(t), 100);
    assert.ok(h.arraySize(t) >= 64, `array part ${h.arraySize(t)}`);
    for (let i = 1; i <= 100; i++) assert.equal(x.get(t, i), i * 2);
    // Sparse keys stay in the hash part.
    const s = h.newTable(0, 0);
    for (let i = 1; i <= 20; i++) x.set(s, i * 1000, i);
    assert.equal(h.arraySize(s), 0);
    for (let i = 1; i <= 20; i++) assert.equal(x.get(s, i * 1000), i);
    // Shrinking: a resize moves the array tail into the hash part.
    h.resize(t, 10, 200);
    assert.equal(h.arraySize(t), 10);
    for (let i = 1; i <= 100; i++) assert.equal(x.get(t, i), i * 2);
  });

  it('resize keeps every entry even when asked for too small a hash part', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const t = h.newTable(0, 0);
    for (let i = 1; i <= 100; i++) x.set(t, i, i);
    for (let i = 0; i < 30; i++) x.set(t, 'k' + i, i);
    h.resize(t, 0, 0);
    assert.equal(h.arraySize(t), 0);
    for (let i = 1; i <= 100; i++) assert.equal(x.get(t, i), i);
    for (let i = 0; i < 30; i++) assert.equal(x.get(t, 'k' + i), i);
    h.resizeArray(t, 200);
    assert.equal(h.arraySize(t), 200);
    for (let i = 1; i <= 100; i++) assert.equal(x.get(t, i), i);
    assert.equal(x.keys(t).length, 130);
    assert.equal(h.length(t), 100);
  });

  it('finds borders like luaH_getn (checked with lua5.4)', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const a = h.newTable(0, 0);
    for (let i = 1; i <= 10; i++) x.set(a, i, i);
    x.set(a, 5, null);
    assert.equal(h.length(a), 10);       // t[5]=nil in 1..10 -> 10
    const u = h.newTable(4, 0);          // {1,nil,3,nil}
    x.set(u, 1, 1); x.set(u, 3, 3);
    assert.equal(h.length(u), 3);
    const v = h.newTable(0, 0);          // v[1]=1 v[2]=2 v[4]=4
    x.set(v, 1, 1); x.set(v, 2, 2); x.set(v, 4, 4);
    assert.equal(h.length(v), 4);
    const w = h.newTable(0, 4);          // {n=1,[1]=1,[2]=2,[3]=3}; w[3]=nil
    x.set(w, 'n', 1); x.set(w, 1, 1); x.set(w, 2, 2); x.set(w, 3, 3); x.set(w, 3, null);
    assert.equal(h.length(w), 2);
    assert.equal(h.length(h.newTable(0, 0)), 0);
  });

  it('next visits every key once while existing fields are assigned', () => {
    const h = new Heap({ memoryLimit: 64 * MiB }), x = new T(h);
    const t = h.newTable(0, 0);
    for (let i = 1; i <= 50; i++) x.set(t, i, i);
    for (let i = 0; i < 200; i++) x.set(t, 'k' + i, i);
    for (let i = 0; i < 20; i++) x.set(t, i + 0.5, i);
    const seen = new Set<string>();
    h.setNil(x.o);
    let n = 0;
    while (h.next(t, x.o, x.o, x.v)) {
      const k = x.read(x.o);
      const key = typeof k + ':' + String(k);
      assert.ok(!seen.has(key), 'visited twice: ' + key);
      seen.add(key);
      // assign an existing field: clear every other one, bump the rest
      h.copy(x.k, x.o);
      if (n++ % 2 === 0) h.setNil(x.v); else h.setInt(x.v, 99);
      h.set(t, x.k, x.v);
    }
    assert.equal(seen.size, 270);
    assert.equal(x.keys(t).length, 135);
  });

  it('agrees with a Map model under random sets, deletes, resizes and collections', function () {
    this.timeout(180000);
    const h = new Heap({ memoryLimit: 256 * MiB }), x = new T(h);
    let seed = 12345;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const long = 'L'.repeat(60);
    const randKey = (): unknown => {
      switch (rnd(8)) {
        case 0: case 1: return 1 + rnd(64);
        case 2: return -rnd(20);
        case 3: return rnd(3) === 0 ? 2 ** 40 + rnd(10) : 1000 + rnd(200);
        case 4: return rnd(50) + 0.5;
        case 5: return 's' + rnd(100);
        case 6: return long + rnd(5);
        default: return rnd(2) === 0;
      }
    };
    const id = (k: unknown) => typeof k + ':' + String(k);
    for (let round = 0; round < 30; round++) {
      const t = h.newTable(rnd(4), rnd(4));
      root(h, x, t, 10);
      const model = new Map<string, [unknown, number]>();
      for (let op = 0; op < 2000; op++) {
        const k = randKey();
        if (rnd(3) === 0) { x.set(t, k, null); model.delete(id(k)); }
        else { const v = rnd(1000000); x.set(t, k, v); model.set(id(k), [k, v]); }
        if (op % 500 === 0) h.fullGC();
        if (op % 700 === 0) h.resize(t, rnd(40), rnd(8));
      }
      for (const [, [k, v]] of model) assert.equal(x.get(t, k), v, 'key ' + id(k));
      const seen = x.keys(t).map(id).sort();
      assert.deepEqual(seen, [...model.keys()].sort());
      const n = h.length(t);
      assert.ok(n === 0 || model.has(id(n)), 'border present');
      assert.ok(!model.has(id(n + 1)), 'border+1 absent');
    }
  });

  it("raises invalid key to 'next' for absent keys", () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const t = h.newTable(0, 0);
    x.set(t, 'a', 1);
    x.put(x.o, 'zz');
    assert.throws(() => h.next(t, x.o, x.o, x.v), (e: unknown) => e instanceof LuaRuntimeError && e.message === "invalid key to 'next'");
  });

  it('caches absent metamethods and forgets them on raw set', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const mt = h.newTable(0, 0);
    assert.equal(h.tm(mt, 0), 0);
    assert.notEqual(h.u8[mt + 4] & 1, 0);
    x.set(mt, '__index', 'f');
    const p = h.tm(mt, 0);
    assert.notEqual(p, 0);
    assert.equal(x.read(p), 'f');
  });
});

/** Roots a table in the registry at integer key `slot`. */
function root(h: Heap, x: T, t: number, slot: number): void {
  h.setObj(x.v, Tag.Table, t);
  h.setIntKey(h.registry, slot, x.v);
}
function unroot(h: Heap, x: T, slot: number): void {
  h.setNil(x.v);
  h.setIntKey(h.registry, slot, x.v);
}
function weakTable(h: Heap, x: T, mode: string): number {
  const t = h.newTable(0, 0), mt = h.newTable(0, 1);
  x.set(mt, '__mode', mode);
  h.setMetatable(t, mt);
  return t;
}

describe('garbage collector', () => {
  it('clears weak keys, weak values and kv tables; keeps strings (lua5.4 results)', () => {
    const h = new Heap({ memoryLimit: 64 * MiB }), x = new T(h);
    const wv = weakTable(h, x, 'v');
    root(h, x, wv, 10);
    const kept = h.newTable(0, 0); root(h, x, kept, 11);
    x.set(wv, 1, { table: h.newTable(0, 0) });
    x.set(wv, 2, { table: kept });
    x.set(wv, 'x', { table: h.newTable(0, 0) });
    x.set(wv, 'y', 'string value');
    const wk = weakTable(h, x, 'k'); root(h, x, wk, 12);
    x.set(wk, { table: h.newTable(0, 0) }, 1);
    x.set(wk, { table: kept }, 2);
    x.set(wk, 'str', { table: h.newTable(0, 0) });
    const kv = weakTable(h, x, 'kv'); root(h, x, kv, 13);
    x.set(kv, 'x', { table: h.newTable(0, 0) });
    x.set(kv, 1, 'str');
    x.set(kv, { table: h.newTable(0, 0) }, 'v');
    x.set(kv, 'k', { table: kept });
    h.fullGC();
    assert.deepEqual(x.keys(wv).sort(), [2, 'y'].sort());
    assert.equal(x.get(wv, 'y'), 'string value');
    assert.deepEqual(x.keys(wk).length, 2);
    assert.equal(x.get(wk, { table: kept }), 2);
    assert.equal(typeof x.get(wk, 'str'), 'object');
    assert.deepEqual(x.keys(kv).sort(), [1, 'k']);
  });

  it('treats weak-key tables as ephemerons', () => {
    // local e = setmetatable({}, {__mode='k'}); a->b, b->a cycle collected; keep->{keep} kept -> 1 entry
    const h = new Heap({ memoryLimit: 64 * MiB }), x = new T(h);
    const e = weakTable(h, x, 'k'); root(h, x, e, 10);
    const a = h.newTable(0, 0), b = h.newTable(0, 0);
    x.set(e, { table: a }, { table: b });
    x.set(e, { table: b }, { table: a });
    const keep = h.newTable(0, 0); root(h, x, keep, 11);
    const val = h.newTable(1, 0);
    x.set(val, 1, { table: keep });
    x.set(e, { table: keep }, { table: val });
    // a chain: keep -> c1 (value), c1 as key -> c2, c2 as key -> c3: all reachable through ephemerons
    const c1 = h.newTable(0, 0), c2 = h.newTable(0, 0), c3 = h.newTable(0, 0);
    x.set(e, { table: c2 }, { table: c3 });
    x.set(e, { table: c1 }, { table: c2 });
    x.set(val, 2, { table: c1 });
    h.fullGC();
    assert.equal(x.keys(e).length, 3);
    assert.deepEqual(x.get(e, { table: c2 }), { table: c3 });
    unroot(h, x, 11);
    h.fullGC();
    assert.equal(x.keys(e).length, 0);
  });

  it('runs finalizers in reverse registration order and resurrects (lua5.4: 3 2 1)', () => {
    const h = new Heap({ memoryLimit: 64 * MiB }), x = new T(h);
    const mt = h.newTable(0, 1);
    x.set(mt, '__gc', true);
    root(h, x, mt, 10);
    const objs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const o = h.newTable(0, 0);
      h.setMetatable(o, mt);
      h.checkFinalizer(Tag.Table, o);
      objs.push(o);
    }
    // no __gc in the metatable when set: never finalized (5.4 rule)
    const mt2 = h.newTable(0, 1); root(h, x, mt2, 11);
    const late = h.newTable(0, 0);
    h.setMetatable(late, mt2); h.checkFinalizer(Tag.Table, late);
    x.set(mt2, '__gc', true);

    const wv = weakTable(h, x, 'v'); root(h, x, wv, 12);
    const wk = weakTable(h, x, 'k'); root(h, x, wk, 13);
    x.set(wv, 1, { table: objs[0] });
    x.set(wk, { table: objs[0] }, 1);

    const order: number[] = [];
    h.onFinalize = (tag, ref) => {
      assert.equal(tag, Tag.Table);
      order.push(objs.indexOf(ref));
      if (ref === objs[0]) root(h, x, ref, 20); // resurrect for good
    };
    h.fullGC();
    assert.deepEqual(order, [2, 1, 0]);
    // weak values drop resurrected objects before the finalizer runs; weak keys keep them
    assert.equal(x.get(wv, 1), undefined);
    assert.equal(x.keys(wk).length, 1);
    // the resurrected object is alive and usable, and is not finalized again
    x.set(objs[0], 'alive', 1);
    h.fullGC();
    assert.deepEqual(order, [2, 1, 0]);
    assert.equal(x.get(objs[0], 'alive'), 1);
    // once dropped it is freed at a later cycle
    unroot(h, x, 20);
    const before = h.objectCount();
    h.fullGC();
    assert.ok(h.objectCount() < before);
    assert.equal(x.keys(wk).length, 0);
  });

  it('stops the collector while a finalizer runs (gc.lua: collectgarbage() inside __gc is false)', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const mt = h.newTable(0, 1); x.set(mt, '__gc', true); root(h, x, mt, 10);
    const o = h.newTable(0, 0); h.setMetatable(o, mt); h.checkFinalizer(Tag.Table, o);
    let inside: boolean | undefined;
    let garbageSurvived = false;
    h.onFinalize = () => {
      inside = h.gcBlocked;
      const g = h.newTable(0, 0);
      const before = h.objectCount();
      h.fullGC();
      assert.equal(h.gcStep(100000), false);
      garbageSurvived = h.objectCount() === before && g > 0;
    };
    h.fullGC();
    assert.equal(inside, true);
    assert.ok(garbageSurvived);
    assert.equal(h.gcBlocked, false);
  });

  it('close() runs every pending finalizer, newest first', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const mt = h.newTable(0, 1); x.set(mt, '__gc', true); root(h, x, mt, 10);
    const objs: number[] = [];
    for (let i = 0; i < 4; i++) {
      const o = h.newTable(0, 0); h.setMetatable(o, mt); h.checkFinalizer(Tag.Table, o);
      root(h, x, o, 20 + i); objs.push(o);
    }
    const order: number[] = [];
    h.onFinalize = (_t, r) => order.push(objs.indexOf(r));
    h.close();
    assert.deepEqual(order, [3, 2, 1, 0]);
  });

  it('emulates collectgarbage("step") pacing: bigger steps finish a cycle in fewer calls', () => {
    // gc.lua: dosteps(10) < dosteps(2); dosteps(20000) == 1; step(20000) == true
    const h = new Heap({ memoryLimit: 64 * MiB }), x = new T(h);
    const keep = h.newTable(0, 0); root(h, x, keep, 10);
    for (let i = 1; i <= 2000; i++) x.set(keep, i, { table: h.newTable(0, 0) });
    h.gcRunning = false;
    const dosteps = (kb: number) => {
      h.fullGC();
      for (let i = 0; i < 100; i++) h.newTable(0, 0);
      const before = h.bytesInUse();
      let n = 0;
      do n++; while (!h.gcStep(kb));
      assert.ok(h.bytesInUse() < before);
      return n;
    };
    assert.ok(dosteps(10) < dosteps(2));
    assert.equal(dosteps(20000), 1);
    assert.equal(h.gcStep(20000), true);
    assert.equal(h.gcRunning, false);
    // lua5.4 (lua.c runs in generational mode): collectgarbage("step", 100000) -> false
    h.gcMode = 'generational';
    assert.equal(h.gcStep(100000), false);
  });

  it('reuses string ids after a collection', () => {
    const h = new Heap({ memoryLimit: 16 * MiB });
    const ids = new Set<number>();
    for (let i = 0; i < 1000; i++) ids.add(h.intern('temp string ' + i));
    const long = h.intern('x'.repeat(100));
    assert.notEqual(h.intern('x'.repeat(100)), long);            // long strings are not interned
    assert.ok(h.strEq(long, h.intern('x'.repeat(100))));
    const countBefore = h.strings.count();
    h.fullGC();
    assert.ok(h.strings.count() <= countBefore - 1000);
    const top = h.strings.top;
    const again = h.intern('another string');
    assert.equal(h.strings.top, top, 'a freed id is reused');
    assert.ok(again < top);
    assert.equal(h.str(again), 'another string');
    // interning the same content again gives the same id; a freed string is re-interned fine
    assert.equal(h.intern('another string'), again);
    assert.equal(h.str(h.intern('temp string 5')), 'temp string 5');
  });

  it('interns a + b (internPair) as the same id as a + b, across growth and collections', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const bytes = ['a', 'b', '\0', '\xff', '\x80', 'zz', ''];
    const keep = h.newTable(0, 0);
    x.put(x.v, { table: keep });
    h.setIntKey(h.registry, 1000, x.v); // survivors are rooted in the registry
    let kept = 0;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3000; i++) {
        let a = '', b = '';
        for (let k = 0; k < i % 23; k++) a += bytes[(i * 7 + k) % bytes.length];
        for (let k = 0; k < i % 29; k++) b += bytes[(i * 3 + k * 5) % bytes.length];
        const id = h.internPair(a, b);
        assert.equal(h.str(id), a + b);
        if ((a + b).length <= 40) {
          assert.equal(h.internPair(a, b), id);
          assert.equal(h.intern(a + b), id);
          assert.equal(h.strings.hash(id), hashString(a + b));
        }
        if (i % 100 === 0) { h.setStr(x.k, id); h.setIntKey(keep, ++kept, x.k); }
      }
      h.fullGC();
      for (let j = 1; j <= kept; j++) {
        const id = h.i32[h.getInt(keep, j) >> 2];
        const s = h.str(id);
        if (s.length <= 40) { assert.equal(h.intern(s), id); assert.equal(h.internPair(s, ''), id); }
      }
    }
  });

  it('interns a concatenation of parts (internParts) as the same id as the joined string', () => {
    const h = new Heap({ memoryLimit: 16 * MiB });
    const bytes = ['a', 'b', '\0', '\xff', '\x80', 'zz', '', 'abc'];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3000; i++) {
        const parts: string[] = [];
        for (let k = 0; k < 3 + (i % 5); k++) {
          let p = '';
          for (let j = 0; j < (i * (k + 1)) % 9; j++) p += bytes[(i + j * 3 + k) % bytes.length];
          parts.push(p);
        }
        const s = parts.join('');
        const id = h.internParts(parts, s.length);
        assert.equal(h.str(id), s);
        if (s.length <= 40) {
          assert.equal(h.internParts(parts, s.length), id);
          assert.equal(h.intern(s), id);
          assert.equal(h.strings.hash(id), hashString(s));
          // the same string cut elsewhere finds the same id
          const p0 = parts[0]!;
          if (p0.length > 0) {
            const recut = [p0.slice(0, -1), p0.slice(-1) + parts[1]!, ...parts.slice(2)];
            assert.equal(h.internParts(recut, s.length), id);
          }
        } else {
          assert.notEqual(h.internParts(parts, s.length), id); // long strings are not interned
        }
      }
      h.fullGC();
    }
  });

  it('marks a 10^6-long linked list without recursion', function () {
    this.timeout(120000);
    const h = new Heap({ memoryLimit: 512 * MiB }), x = new T(h);
    const head = h.newTable(0, 0); root(h, x, head, 10);
    let cur = head;
    for (let i = 0; i < 1e6; i++) {
      const n = h.newTable(0, 0);
      x.set(cur, 'next', { table: n });
      cur = n;
    }
    h.fullGC();
    assert.ok(h.objectCount() > 1e6);
    unroot(h, x, 10);
    h.fullGC();
    assert.ok(h.objectCount() < 100);
  });
});

describe('functions, upvalues, threads, userdata', () => {
  function proto(consts: Proto['constants'], children: Proto[] = []): Proto {
    return {
      source: '=test', lineDefined: 0, lastLineDefined: 0, numParams: 0, isVararg: true,
      maxStackSize: 2, code: new Int32Array(1), lineInfo: new Int32Array(1),
      constants: consts, upvalues: [], protos: children, locVars: [],
    };
  }

  it('loads protos with constants and children', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const child = proto([{ kind: 'str', value: 'inner' }]);
    const p = proto([
      { kind: 'int', value: MINI }, { kind: 'float', value: 0.5 }, { kind: 'str', value: 'hello' },
      { kind: 'bool', value: true }, { kind: 'nil' },
    ], [child]);
    const pr = h.newProto(p);
    const k = h.protoConstants(pr);
    assert.equal(h.getIntBig(k), MINI);
    assert.equal(x.read(k + 16), 0.5);
    assert.equal(x.read(k + 32), 'hello');
    assert.equal(x.read(k + 48), true);
    assert.equal(x.read(k + 64), undefined);
    assert.equal(h.protoOf(pr), p);
    const c = h.protoChild(pr, 0);
    assert.equal(h.protoOf(c), child);
    assert.equal(x.read(h.protoConstants(c)), 'inner');
  });

  it('keeps what closures reach alive and frees the rest', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const p = proto([{ kind: 'str', value: 'a constant string' }], [proto([{ kind: 'str', value: 'child constant' }])]);
    const pr = h.newProto(p);
    const th = h.mainThread;
    h.setThreadTop(th, 8);
    const st = h.threadStack(th);
    // open upvalue on slot 5 holding a table; closed upvalue holding another table
    const t1 = h.newTable(0, 0), t2 = h.newTable(0, 0);
    h.setObj(st + 5 * 16, Tag.Table, t1);
    const uvOpen = h.newUpval(th, 5);
    const uvClosed = h.newUpval(th, 6);
    h.setObj(st + 6 * 16, Tag.Table, t2);
    h.closeUpval(uvClosed);
    h.setNil(st + 6 * 16);
    assert.ok(!h.upvalIsOpen(uvClosed) && h.upvalIsOpen(uvOpen));
    assert.equal(h.upvalPtr(uvOpen), st + 5 * 16);
    assert.equal(h.upvalPtr(uvClosed), uvClosed + 16);
    const cl = h.newLClosure(pr, 2);
    h.setClosureUpval(cl, 0, uvOpen);
    h.setClosureUpval(cl, 1, uvClosed);
    h.setObj(st + 7 * 16, Tag.LFunc, cl);
    // a host function with an upvalue, a userdata with a user value; both only in a table
    const holder = h.newTable(0, 0);
    h.setObj(st + 4 * 16, Tag.Table, holder);
    let called = 0;
    const hf = h.newHostFunction(() => ++called, 1, 'myfn');
    const t3 = h.newTable(0, 0);
    h.setObj(h.hostUpvalPtr(hf, 0), Tag.Table, t3);
    h.setObj(x.v, Tag.HFunc, hf); h.setIntKey(holder, 1, x.v);
    const ud = h.newUserdata({ js: 'object' }, 1);
    const t4 = h.newTable(0, 0);
    h.setObj(h.userdataUservaluePtr(ud, 0), Tag.Table, t4);
    h.setObj(x.v, Tag.Userdata, ud); h.setIntKey(holder, 2, x.v);
    // garbage: a closure and a userdata referenced from nowhere
    h.newLClosure(pr, 0); h.newUserdata('garbage', 0); h.newHostFunction(() => 0, 0);
    // stale value above top must be cleared by the collector
    h.setObj(st + 20 * 16, Tag.Table, h.newTable(0, 0));
    const before = h.objectCount();
    h.fullGC();
    assert.equal(h.objectCount(), before - 4);
    assert.equal(h.i32[(st + 20 * 16 + 8) >> 2], Tag.Nil);
    assert.equal(x.read(h.protoConstants(pr)), 'a constant string');
    assert.equal(x.read(h.protoConstants(h.protoChild(pr, 0))), 'child constant');
    assert.equal(h.hostName(hf), 'myfn');
    h.hostFunction(hf)(null, 0, 0);
    assert.equal(called, 1);
    assert.deepEqual(h.userdataValue(ud), { js: 'object' });
    // everything dies with the stack cleared
    h.setThreadTop(th, 0);
    h.fullGC();
    assert.equal(h.objectCount(), 2); // registry and main thread
  });

  it('grows stacks keeping their contents', () => {
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const th = h.newThread(10);
    for (let i = 0; i < 10; i++) h.setInt(h.threadStack(th) + i * 16, i * 3);
    const old = h.threadStack(th);
    h.growStack(th, 1000);
    assert.equal(h.threadStackSize(th), 1000);
    const st = h.threadStack(th);
    assert.notEqual(st, old);
    for (let i = 0; i < 10; i++) assert.equal(x.read(st + i * 16), i * 3);
    for (let i = 10; i < 1000; i++) assert.equal(h.i32[(st + i * 16 + 8) >> 2], Tag.Nil);
    // open upvalues keep slot indices, so growth needs no fixup
    const uv = h.newUpval(th, 3);
    h.growStack(th, 5000);
    assert.equal(x.read(h.upvalPtr(uv)), 9);
  });

  it('reports freed threads', () => {
    const h = new Heap({ memoryLimit: 16 * MiB });
    const th = h.newThread(20);
    const freed: number[] = [];
    h.onFreeThread = (r) => freed.push(r);
    h.fullGC();
    assert.deepEqual(freed, [th]);
  });
});

describe('memory limit', () => {
  it('throws LuaMemoryError when a table grows forever, and recovers after collection', function () {
    this.timeout(120000);
    const h = new Heap({ memoryLimit: 16 * MiB }), x = new T(h);
    const t = h.newTable(0, 0); root(h, x, t, 10);
    const start = h.bytesInUse();
    let i = 1;
    assert.throws(() => { for (;; i++) { x.set(t, i, i); x.set(t, 'k' + i, i); } }, LuaMemoryError);
    assert.ok(i > 1000);
    assert.ok(h.bytesInUse() <= 16 * MiB);
    assert.equal(x.get(t, 1000), 1000);   // the table is intact
    // the error message can still be made at the limit (PUC's preallocated memerrmsg)
    assert.equal(h.intern('not enough memory'), h.memErrMsg);
    assert.equal(h.str(h.memErrMsg), 'not enough memory');
    unroot(h, x, 10);
    h.fullGC();
    assert.ok(h.bytesInUse() < start + 4096);
    // usable again
    const u = h.newTable(0, 0); root(h, x, u, 10);
    for (let j = 1; j <= 10000; j++) x.set(u, j, j);
    assert.equal(h.length(u), 10000);
  });

  it('refuses huge requests before allocating', () => {
    const h = new Heap({ memoryLimit: 16 * MiB });
    const t = h.newTable(0, 0);
    assert.throws(() => h.resize(t, 1 << 30, 0), LuaMemoryError);
    assert.throws(() => h.newThread(1 << 28), LuaMemoryError);
    assert.throws(() => h.reserveString(2 ** 40), LuaMemoryError);
    assert.throws(() => h.reserveString(0x1fffffe8 + 1), LuaMemoryError);
    assert.throws(() => h.intern('y'.repeat(17 * MiB)), LuaMemoryError);
    h.reserveString(1000);
    assert.equal(h.length(t), 0);
  });
});

describe('soak', () => {
  it('10^6 short-lived tables and strings keep memory bounded', function () {
    this.timeout(180000);
    const h = new Heap({ memoryLimit: 256 * MiB }), x = new T(h);
    h.fullGC();
    const start = h.bytesInUse();
    let peak = 0;
    const keep = h.newTable(0, 0); root(h, x, keep, 10);
    for (let i = 0; i < 1e6; i++) {
      const t = h.newTable(0, 0);
      x.set(t, 'k' + (i % 5000), i);
      x.set(t, 1, 'v' + i);
      if (i % 100000 === 0) x.set(keep, i, { table: t }); // a few survivors
      if ((i & 255) === 0) { h.checkGC(); peak = Math.max(peak, h.bytesInUse()); }
    }
    unroot(h, x, 10);
    h.fullGC();
    assert.ok(peak < 16 * MiB, `peak ${peak}`);
    assert.ok(h.bytesInUse() <= start * 1.05, `start ${start} end ${h.bytesInUse()}`);
  });
});
