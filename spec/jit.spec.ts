// JIT specs: LIR filters (LIR in -> LIR out), traced loops against the interpreter, W^X of
// the code chunks, and -jv on the benchmark loops. Skipped parts say why when there is no JIT.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { LirBuffer, L_ADDQ, L_MULQ, L_ADDD, L_SUBD, L_I2D, L_MULD, printLir, L_LDQ, L_LDD } from '../jit/lir.js';
import { LirWriter } from '../jit/opt.js';
import { provideAllModules, runCliCaptured } from '../lang/cli/main.js';
import { jitUnavailable } from '../jit/jit.js';

// runCliCaptured runs in-process in every mode: the JIT, REPL and listing modules are loaded first.
await provideAllModules();

describe('jit: LIR filters', () => {
  it('folds integer constants with 64-bit wrap-around', () => {
    const w = new LirWriter(new LirBuffer());
    const r = w.ins(L_ADDQ, w.immq(0x7fffffffffffffffn), w.immq(1n));
    assert.equal(printLir(w.buf).split('\n').pop()!.trim(), `%${r} = immq -9223372036854775808`);
  });
  it('simplifies x*1 and x+0 for integers, CSEs repeated pure ops', () => {
    const w = new LirWriter(new LirBuffer());
    const x = w.ins(L_LDQ, 3, 0);
    assert.equal(w.ins(L_MULQ, x, w.immq(1n)), x);
    assert.equal(w.ins(L_ADDQ, x, w.immq(0n)), x);
    const y = w.ins(L_MULQ, x, x);
    assert.equal(w.ins(L_MULQ, x, x), y);
    assert.equal(printLir(w.buf), ['   %0 = ldq [3]', '   %1 = immq 1', '   %2 = immq 0', '   %3 = mulq %0 %0'].join('\n'));
  });
  it('keeps x+0.0 for doubles (-0.0 + 0.0 is 0.0) but drops x-0.0 and x*1.0', () => {
    const w = new LirWriter(new LirBuffer());
    const x = w.ins(L_LDD, 1, 0);
    assert.notEqual(w.ins(L_ADDD, x, w.immd(0)), x);
    assert.equal(w.ins(L_SUBD, x, w.immd(0)), x);
    assert.equal(w.ins(L_MULD, x, w.immd(1)), x);
    assert.equal(w.ins(L_I2D, w.immq(2n ** 53n + 1n), 0), w.immd(9007199254740992));
  });
});

const why = jitUnavailable();
const progs: [string, string][] = [
  ['int wrap', 'local s = math.maxinteger - 100 for i = 1, 300 do s = s + i end print(s)'],
  ['mul wrap', 'local s = 3 for i = 1, 200 do s = s * 7 + i end print(s)'],
  ['mod/idiv signs', 'local a, b = 0, 0 for i = -150, 150 do a = a + i % 7 + i % -5 b = b + i // 3 + i // -4 end print(a, b)'],
  ['float loop', 'local s = 0.0 for x = 0.5, 100, 0.25 do s = s + x * x / 3 end print(s)'],
  ['neg zero and nan', 'local z, n = 0.0, 0.0 for i = 1, 100 do z = -0.0 * i n = (z / 0.0) end print(1/z, n ~= n)'],
  ['branch exits', 'local e, o = 0, 0 for i = 1, 1000 do if i % 3 == 0 then e = e + 1 else o = o + 2 end end print(e, o)'],
  ['break', 'local k = 0 for i = 1, 1000 do k = i if i * i > 500000 then break end end print(k)'],
  ['goto back to the body start', 'local u = 0 for i = 1, 300 do ::top:: u = u + 1 if i > 200 and u % 3 ~= 0 then goto top end end print(u)'],
  ['upvalue reads (value and type change between runs)', 'local k, f = 3, 0.5 local function g(n) local s = 0 for i = 1, n do s = s + i * k + f end return s end print(g(100), g(200)) k = 7 print(g(100)) f = 2 print(g(100))'],
  ['math.sqrt/abs inlined, abs(mininteger) wraps', 'local s, a, r = 0.0, 0 for i = 1, 200 do s = s + math.sqrt(i) a = a + math.abs(i - 100) + math.abs(-0.5 * i) // 1 r = math.abs(math.mininteger + i - 1) end print(s, a, r)'],
  ['math.sqrt redefined while the loop runs', 'local c = 0 for i = 1, 2000 do c = c + math.sqrt(4) if i == 1500 then math.sqrt = function() return 1 end end end print(c)'],
  ['inner loops inside a trace (skipped, varying trip counts)', 'local t = 0 for i = 1, 300 do for j = 1, i % 7 do t = (t + i * j) % 1000003 end end print(t)'],
  ['inner loop with a branch that changes', 'local t, f = 0, 0.0 for i = 1, 300 do for j = 1, 50 do if j == 3 and i % 50 == 0 then f = f + 0.5 else t = t + j end end end print(t, f)'],
  ['inner loop too long to dry-run', 'local t = 0 for i = 1, 200 do for j = 1, 3000 do t = t + 1 end end print(t)'],
  ['float compare', 'local c = 0 for i = 1, 500 do local x = i * 0.1 if x > 20.5 then c = c + 1 end end print(c)'],
];

describe('jit: traced loops give the interpreter\'s results', function () {
  this.timeout(60000);
  for (const [name, src] of progs) {
    it(name, function () {
      if (why !== '') { console.log(`      (no JIT here: ${why})`); return; }
      const off = runCliCaptured(['-joff', '-e', src]);
      for (const flags of [['-jon'], ['-jon', '-Ohotloop=1', '-Ohotexit=1']]) {
        const on = runCliCaptured([...flags, '-jv', '-e', src]);
        assert.equal(on.stdout, off.stdout);
        assert.match(on.stderr, /\[TRACE 1 stop/);
      }
    });
  }
});

describe('jit: side traces', function () {
  this.timeout(60000);
  it('a hot guard exit gets a side trace that jumps back to the root loop', function () {
    if (why !== '') { console.log(`      (no JIT here: ${why})`); return; }
    const src = 'local e, o = 0, 0.0 for i = 1, 5000 do if i % 2 == 0 then e = e + i else o = o + 0.5 end end print(e, o)';
    const r = runCliCaptured(['-jv', '-e', src]);
    assert.equal(r.stdout, '6252500\t1250.0\n'); // lua5.4
    assert.match(r.stderr, /\[TRACE 2 start 1\/\d+ /);
    assert.match(r.stderr, /\[TRACE 2 stop .* -> 1 /);
  });
});

describe('jit: code memory and -jv', function () {
  this.timeout(120000);
  it('leaves every lunet code chunk r-xp after compiling traces, none rwxp', async () => {
    if (why !== '') { console.log(`      (no JIT here: ${why})`); return; }
    const { LuaState } = await import('../lang/vm/state.js');
    const { attachJit } = await import('../jit/jit.js');
    const L = LuaState.create({ stdout: () => {}, stderr: () => {} });
    L.openLibs();
    const jit = attachJit(L, { enabled: true, verbose: false, dump: false, hotloop: 1, hotexit: null })!;
    assert.equal(L.load('local s = 0 for i = 1, 100 do s = s + i end local f = 0.0 for i = 1, 100 do f = f + i end', '=t'), 0);
    assert.equal(L.pcall(0, 0, 0), 0);
    assert.ok(jit.traceCount() >= 2);
    const maps = readFileSync('/proc/self/maps', 'latin1').split('\n');
    for (const c of jit.codeMemory().chunkRanges()) {
      const line = maps.find((l) => parseInt(l.split('-')[0]!, 16) === c.address);
      assert.ok(line, `chunk at ${c.address.toString(16)} not mapped`);
      assert.equal(line!.split(' ')[1], 'r-xp', line);
    }
  });
  it('a trace whose runs are too short goes cold, and warms again when an entry runs long', () => {
    if (why !== '') { console.log(`      (no JIT here: ${why})`); return; }
    const fk = runCliCaptured(['-jv', '/work/shared/bench/programs/fannkuch.lua', '7']);
    assert.equal(fk.stdout, 'fannkuch(7): checksum=228 maxflips=16\n'); // lua5.4
    assert.match(fk.stderr, /\[TRACE \d+ cold: \d+ iterations in 128 entries\]/);
    const mb = runCliCaptured(['-jv', '/work/shared/bench/programs/mandelbrot.lua', '200']);
    assert.equal(mb.stdout, runCliCaptured(['-joff', '/work/shared/bench/programs/mandelbrot.lua', '200']).stdout);
    assert.match(mb.stderr, /\[TRACE 1 cold: /);
    assert.match(mb.stderr, /\[TRACE 1 warm: an entry ran \d+ iterations\]/);
  });
  for (const [prog, arg] of [['loops', '20000'], ['mandelbrot', '60']]) {
    it(`-jv shows a compiled loop for ${prog}.lua`, () => {
      if (why !== '') { console.log(`      (no JIT here: ${why})`); return; }
      const r = runCliCaptured(['-jv', `/work/shared/bench/programs/${prog}.lua`, arg]);
      const off = runCliCaptured(['-joff', `/work/shared/bench/programs/${prog}.lua`, arg]);
      assert.equal(r.stdout, off.stdout);
      assert.match(r.stderr, /\[TRACE 1 stop .* loop/);
    });
  }
});

describe('jit: the sandbox budget hook with the JIT attached', function () {
  this.timeout(120000);
  async function budgeted(calls: number, interval: number) {
    const { LuaState } = await import('../lang/vm/state.js');
    const { attachJit } = await import('../jit/jit.js');
    const L = LuaState.create({ memoryLimit: 16 * 1024 * 1024, stdout: () => {}, stderr: () => {} });
    L.openLibs();
    const jit = attachJit(L, { enabled: true, verbose: false, dump: false, hotloop: 1, hotexit: 1 })!;
    let n = 0, total = 0;
    L.setBudgetHook(() => { total++; if (++n >= calls) { n = 0; L.pushString('budget exhausted'); L.error(); } }, interval);
    return {
      jit,
      run(src: string): string {
        let st = L.load(src, '=t');
        if (st === 0) st = L.pcall(0, 1, 0);
        const r = String(L.toStringX(-1));
        L.top = L.top - 1;
        return st === 0 ? `ok ${r}` : r;
      },
      total: () => total,
    };
  }
  for (const [what, src] of [
    ['while true do end', 'while true do end'],
    ['repeat until false', 'repeat until false'],
    ['an endless numeric for (traced)', 'for i = 1, math.huge do end'],
    ['an endless integer for with a body (traced)', 'local s = 0 for i = 1, math.maxinteger do s = (s + i) % 7 end'],
    ['a traced inner loop in an endless outer loop', 'local s = 0 while true do for i = 1, 30 do s = s + i end end'],
  ]) {
    it(`${what} stops with the hook's error, and the state runs on`, async function () {
      if (why !== '') { console.log(`      (no JIT here: ${why})`); return; }
      const s = await budgeted(50, 1000);
      assert.equal(s.run(src), 'budget exhausted');
      assert.equal(s.run('return 1 + 1'), 'ok 2');
    });
  }
  it('calls the hook at least once every interval of back-edges while traces run', async function () {
    if (why !== '') { console.log(`      (no JIT here: ${why})`); return; }
    const s = await budgeted(1e9, 1000);
    // 200000 back-edges of the inner loop, 2000 of the outer one
    assert.equal(s.run('local s = 0 for j = 1, 2000 do for i = 1, 100 do s = s + i end end return s'), 'ok 10100000');
    assert.ok(s.jit.traceCount() >= 1, 'a trace was compiled');
    assert.ok(s.total() >= 202000 / 1000, `budget called ${s.total()} times`);
    const before = s.total();
    assert.equal(s.run('local s = 0.0 for i = 1, 300000 do s = s + 0.5 end return s'), 'ok 150000.0');
    assert.ok(s.total() - before >= 300, `budget called ${s.total() - before} times`);
  });
});

describe('jit: per-loop hot counters', function () {
  this.timeout(60000);
  it('a loop given up on never calls into the JIT again, and calls are not counted', async function () {
    if (why !== '') { console.log(`      (no JIT here: ${why})`); return; }
    const { LuaState } = await import('../lang/vm/state.js');
    const { attachJit } = await import('../jit/jit.js');
    const L = LuaState.create({ stdout: () => {}, stderr: () => {} });
    L.openLibs();
    attachJit(L, { enabled: true, verbose: false, dump: false, hotloop: null, hotexit: null });
    const orig = L.hooks.hotLoop!;
    let n = 0;
    L.hooks.hotLoop = (p, pc, hot, idx) => { n++; return orig(p, pc, hot, idx); };
    // two loops the recorder gives up on (a table store, a Lua call), run 100000 times each
    const src = 'local t = {} for i = 1, 100000 do t[i] = i end ' +
      'local function f(x) return x end local s = 0 for i = 1, 100000 do s = s + f(i) end ' +
      'for _, v in ipairs(t) do s = s + v end return s + #t';
    assert.equal(L.load(src, '=t'), 0);
    assert.equal(L.pcall(0, 1, 0), 0);
    assert.equal(L.toStringX(-1), '10000200000');
    // each numeric loop: its first back-edge, then the one at the hot count where recording
    // aborts; the generic for: its first back-edge
    assert.ok(n <= 5, `hotLoop called ${n} times`);
  });
});
