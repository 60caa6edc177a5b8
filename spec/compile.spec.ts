// The compiler against luac5.4: listings of spec/lua/compile/listings/*.lua must be the
// ones luac printed (scripts/gen-listings.mjs wrote them; luac is not run here), and the
// compile-time errors of spec/lua/compile/errors/*.lua must be lua5.4's messages.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, LuaSyntaxError } from '../lang/front/index.js';
import { compile } from '../lang/compile/index.js';
import { listProto } from '../lang/compile/listing.js';
import type { Proto } from '../lang/compile/proto.js';
import { Op, getOp, getA, getB, getC, getK } from '../lang/vm/opcodes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'spec', 'lua', 'compile');

function compileSource(src: string, chunkName: string): Proto {
  return compile(parse(src, chunkName));
}

function listingOf(file: string): string {
  const src = readFileSync(file, 'latin1');
  const name = file.slice(file.lastIndexOf('/') + 1);
  // luac's CLOSURE comment is an address; gen-listings.mjs drops it, so drop ours too.
  return listProto(compileSource(src, '@' + name), true).replace(/(\tCLOSURE\s+\t\d+ \d+)\t; .*/g, '$1');
}

describe('compile: listings equal luac5.4 -l -l', () => {
  const ldir = join(dir, 'listings');
  for (const f of readdirSync(ldir).filter((n) => n.endsWith('.lua')).sort()) {
    it(f, () => {
      const expected = readFileSync(join(ldir, f.replace(/\.lua$/, '.luac.txt')), 'latin1');
      const actual = listingOf(join(ldir, f));
      // Compare line by line so a failure names the first differing instruction.
      const a = actual.split('\n'), e = expected.split('\n');
      for (let i = 0; i < Math.max(a.length, e.length); i++) {
        assert.equal(a[i], e[i], `${f}: listing line ${i + 1}`);
      }
    });
  }
});

describe('compile: listProto without details equals luac5.4 -l', () => {
  it('functions.lua: the listing without constants, locals and upvalues sections', () => {
    const f = join(dir, 'listings', 'functions.lua');
    const full = readFileSync(f.replace(/\.lua$/, '.luac.txt'), 'latin1');
    // `luac -l` prints the same as `-l -l` minus the three tables after each function
    const expected = full.split('\n').filter((l) => !/^(constants|locals|upvalues) \(/.test(l) && !/^\t\d+\t[^\t[]/.test(l)).join('\n');
    const src = readFileSync(f, 'latin1');
    const actual = listProto(compileSource(src, '@functions.lua')).replace(/(\tCLOSURE\s+\t\d+ \d+)\t; .*/g, '$1');
    assert.equal(actual, expected);
  });
});

describe('compile: compile-time errors have lua5.4 messages', () => {
  const edir = join(dir, 'errors');
  for (const f of readdirSync(edir).filter((n) => n.endsWith('.lua')).sort()) {
    const exp = JSON.parse(readFileSync(join(edir, f.replace(/\.lua$/, '.expected.json')), 'latin1'));
    if (exp.status === 0) continue;  // errors caught by load() in the script; checked below
    it(f, () => {
      const src = readFileSync(join(edir, f), 'latin1');
      const want = String(exp.stderr).replace(/^lunet: /, '');
      assert.throws(() => compileSource(src, '@' + f), (err: unknown) => {
        assert.ok(err instanceof LuaSyntaxError, `${f}: got ${String(err)}`);
        assert.equal(err.message, want);
        return true;
      });
    });
  }

  it('control structure too long (FORPREP offset over Bx)', () => {
    const src = 'local a; for i = 1, 1 do ' + 'a = i; '.repeat(140000) + 'end';
    assert.throws(() => compileSource(src, '=big'), { message: "big:1: control structure too long near 'end'" });
  });
});

describe('compile: proto shape', () => {
  it('main function: vararg, one _ENV upvalue in the stack, raw source name', () => {
    const p = compileSource('local x = 1\nreturn x\n', '@main.lua');
    assert.equal(p.source, '@main.lua');
    assert.equal(p.isVararg, true);
    assert.equal(p.numParams, 0);
    assert.equal(p.lineDefined, 0);
    assert.equal(p.lastLineDefined, 0);
    assert.deepEqual(p.upvalues, [{ name: '_ENV', inStack: true, index: 0, kind: 0 }]);
    assert.equal(getOp(p.code[0]), Op.VARARGPREP);
    assert.equal(p.code.length, p.lineInfo.length);
  });

  it('nested functions: lines, params, upvalue kinds and indices', () => {
    const src = [
      'local a <const> = {}',        // 1: a table is not a compile-time constant: kind 1
      'local b = 2',                 // 2
      'local c <close> = nil',       // 3
      'local function f(p, q, ...)', // 4
      '  return a, b, c, p',         // 5
      'end',                         // 6
      'return f',                    // 7
    ].join('\n');
    const p = compileSource(src, '=t');
    const f = p.protos[0];
    assert.equal(f.lineDefined, 4);
    assert.equal(f.lastLineDefined, 6);
    assert.equal(f.numParams, 2);
    assert.equal(f.isVararg, true);
    assert.deepEqual(f.upvalues, [
      { name: 'a', inStack: true, index: 0, kind: 1 },
      { name: 'b', inStack: true, index: 1, kind: 0 },
      { name: 'c', inStack: true, index: 2, kind: 2 },
    ]);
    assert.deepEqual(f.locVars.map((v) => v.name), ['p', 'q']);
    // the chunk needs to close `c`: its returns carry k
    const last = p.code[p.code.length - 1];
    assert.equal(getOp(last), Op.RETURN);
    assert.equal(getK(last), 1);
  });

  it('compile-time constants take no register and are folded', () => {
    const p = compileSource('local K <const> = 6\nlocal x = K * 7\nreturn x', '=t');
    assert.deepEqual(p.locVars.map((v) => v.name), ['x']);
    assert.equal(getOp(p.code[1]), Op.LOADI);
    assert.equal(getA(p.code[1]), 0);
    assert.equal((p.code[1] >>> 15) - 65535, 42);
  });

  it('local variable ranges follow lparser (startPc after the initialiser)', () => {
    const p = compileSource('local a = 1\nlocal b = a + 1\ndo local c = b end\nreturn a', '=t');
    const byName = Object.fromEntries(p.locVars.map((v) => [v.name, v]));
    // VARARGPREP, LOADI a, ADDI b, MMBINI, MOVE c, RETURN1 (→ RETURN), RETURN
    assert.deepEqual([byName.a.startPc, byName.b.startPc, byName.c.startPc, byName.c.endPc], [2, 4, 5, 5]);
    assert.equal(byName.a.endPc, p.code.length);
  });

  it('globals go through _ENV: GETTABUP/SETTABUP, or GETFIELD with a local _ENV', () => {
    const up = compileSource('x = y', '=t');
    assert.deepEqual([getOp(up.code[1]), getOp(up.code[2])], [Op.GETTABUP, Op.SETTABUP]);
    const loc = compileSource('local _ENV = {}\nx = y', '=t');
    const ops = Array.from(loc.code, getOp);
    assert.ok(ops.includes(Op.GETFIELD) && ops.includes(Op.SETFIELD));
    assert.ok(!ops.includes(Op.GETTABUP));
  });

  it('maxStackSize covers the registers used (at least 2)', () => {
    assert.equal(compileSource('', '=t').maxStackSize, 2);
    const p = compileSource('local a, b, c, d = 1, 2, 3, 4\nprint(a, b, c, d)', '=t');
    assert.equal(p.maxStackSize, 9);
    const call = p.code.find((i) => getOp(i) === Op.CALL)!;
    assert.deepEqual([getA(call), getB(call), getC(call)], [4, 5, 1]);
  });

  it('long operator and suffix chains compile without deep recursion', () => {
    // lparser reads `a + a + ...` and `a.b.b...` in loops, so they are not bounded by the
    // 200-level nesting limit; 100000 links would overflow a recursive walk.
    const n = 100000;
    const sum = compileSource('local a = 1\nlocal x = a' + ' + a'.repeat(n), '=t');
    assert.equal(sum.code.filter((i) => getOp(i) === Op.ADD).length, n);
    const fields = compileSource('local a = {}\nlocal x = a' + '.b'.repeat(n), '=t');
    assert.equal(fields.code.filter((i) => getOp(i) === Op.GETFIELD).length, n);
    const calls = compileSource('local function f() return f end\nf' + '()'.repeat(n), '=t');
    assert.equal(calls.code.filter((i) => getOp(i) === Op.CALL).length, n);
  });

  it('long and/or chains and elseif ladders compile in linear time', () => {
    // lcode.c walks a jump list to its end on each concatenation (quadratic); the compiler
    // remembers list tails. 50000 links took about a minute without that.
    const n = 50000;
    const t0 = performance.now();
    const p = compileSource('local a = 1\nlocal x = a' + ' and a'.repeat(n) + '\nif a' + ' or a'.repeat(n) + ' then x = 1 end', '=t');
    const ladder = 'local a, x = 1\nif a == 0 then x = 0\n' +
      Array.from({ length: n }, (_, i) => `elseif a == ${i + 1} then x = ${i}\n`).join('') + 'end';
    compileSource(ladder, '=t');
    const ms = performance.now() - t0;
    assert.equal(p.code.filter((i) => getOp(i) === Op.TESTSET).length, n);
    assert.ok(ms < 20000, `took ${ms} ms`);
  });

  it('a big chunk compiles in linear time', () => {
    // compared with a chunk a quarter its size, not with a clock: a loaded machine slows both
    // (linear work takes about 4 times as long, quadratic about 16 times)
    const ms = (n: number): number => {
      const src = 'local t = {}\n' + 't[#t + 1] = function (x) if x then return x + 1 end end\n'.repeat(n);
      const t0 = performance.now();
      compileSource(src, '=big');
      return performance.now() - t0;
    };
    ms(2000); // warm-up
    const small = Math.min(ms(5000), ms(5000));
    const big = Math.min(ms(20000), ms(20000));
    assert.ok(big < 10 * small + 20, `20000 functions took ${big.toFixed(0)} ms, 5000 took ${small.toFixed(0)} ms`);
  });
});

