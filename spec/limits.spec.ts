// Bad input that must end in a Lua error, never a crash: a state with a 16 MiB limit whose
// script grows a table (or a string) forever gets `not enough memory` from pcall and stays
// usable; huge requests are refused before they are built. Messages as lua5.4 gives them.
import { strict as assert } from 'node:assert';
import { LuaState } from '../lang/vm/state.js';

function limitedState(): { run: (src: string) => string; out: () => string } {
  let out = '';
  const L = LuaState.create({ memoryLimit: 16 * 1024 * 1024, stdout: (s) => { out += s; } });
  L.openLibs();
  return {
    run(src) {
      let st = L.load(src, '=t');
      if (st === 0) st = L.pcall(0, 0, 0);
      return st === 0 ? 'ok' : String(L.toStringX(-1));
    },
    out: () => out,
  };
}

describe('memory limits', function () {
  this.timeout(60000);
  it('a table grown forever under 16 MiB: not enough memory, then the state runs on', () => {
    const s = limitedState();
    assert.equal(s.run('local t = {} print(pcall(function() while true do t[#t+1] = {i = #t} end end)) t = nil collectgarbage()'), 'ok');
    assert.equal(s.run('local n = 0 for i = 1, 1000 do n = n + i end print(n)'), 'ok');
    assert.equal(s.out(), 'false\tnot enough memory\n500500\n');
    assert.ok(process.memoryUsage().rss < 1024 * 1024 * 1024, 'RSS stays bounded');
  });
  it('block sizes that drift up do not exhaust the arena (free blocks are merged)', () => {
    // each round frees 2000 arrays of r elements and asks for slightly larger ones: about
    // 3 MiB live at a time, 160 MiB allocated in all
    const s = limitedState();
    assert.equal(s.run(`
      local src = {}
      for i = 1, 100 do src[i] = i end
      for r = 1, 100 do
        local t = {}
        for i = 1, 2000 do t[i] = table.pack(table.unpack(src, 1, r)) end
        t = nil
        collectgarbage()
      end
      print(collectgarbage("count") < 1024)`), 'ok');
    assert.equal(s.out(), 'true\n');
  });
  it('huge strings are refused before they are built', () => {
    const s = limitedState();
    assert.equal(s.run('print(pcall(string.rep, "x", 2^40))'), 'ok');
    assert.equal(s.run('print(pcall(function() local x = "x" while true do x = x .. x end end))'), 'ok');
    assert.equal(s.out(), 'false\tresulting string too large\nfalse\tnot enough memory\n');
  });
});

describe('budget hook (sandbox time limits)', function () {
  this.timeout(60000);
  function budgeted(calls: number): { L: LuaState; run: (src: string) => string; hits: () => number } {
    const L = LuaState.create({ memoryLimit: 16 * 1024 * 1024 });
    L.openLibs();
    let n = 0;
    L.setBudgetHook(() => { if (++n >= calls) { n = 0; L.pushString('budget exhausted'); L.error(); } }, 1000);
    return {
      L,
      run(src) {
        let st = L.load(src, '=t');
        if (st === 0) st = L.pcall(0, 0, 0);
        return st === 0 ? 'ok' : String(L.toStringX(-1));
      },
      hits: () => n,
    };
  }
  for (const [what, src] of [
    ['while true do end', 'while true do end'],
    ['repeat until false', 'repeat until false'],
    ['an endless numeric for', 'for i = 1, math.huge do end'],
    ['endless tail calls', 'local function f() return f() end f()'],
    ['goto loop', '::a:: goto a'],
  ]) {
    it(`${what} stops with the hook's error`, () => {
      const s = budgeted(50);
      assert.equal(s.run(src), 'budget exhausted');
      assert.equal(s.run('return 1 + 1'), 'ok', 'the state runs on');
    });
  }
});
