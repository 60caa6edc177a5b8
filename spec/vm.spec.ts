// Whole tracebacks (fixtures compare only the first stderr line) and the host API. The Lua
// fixtures of spec/lua/{vm,errors,meta,coroutine,base} run in spec/fixtures.spec.ts.

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provideAllModules, runCliCaptured } from '../lang/cli/main.js';

// runCliCaptured runs in-process in every mode: the JIT, REPL and listing modules are loaded first.
await provideAllModules();
import { LuaState } from '../lang/vm/state.js';
import { Tag } from '../lang/heap/tags.js';
import type { HostFn } from '../lang/vm/types.js';
import { MULTRET, OK } from '../lang/vm/consts.js';

const luaDir = fileURLToPath(new URL('../../spec/lua', import.meta.url));

function run(src: string): { out: string; err: string; status: number; L: LuaState } {
  let out = '';
  const L = LuaState.create({ stdout: (s) => { out += s; } });
  L.openLibs();
  let status = L.load(src, '=t');
  if (status === 0) status = L.pcall(0, 0, 0);
  const err = status === 0 ? '' : L.toStringX(-1) ?? '?';
  return { out, err, status, L };
}

/** All of stderr when the CLI runs an errors/ fixture. */
function stderrOf(file: string): string {
  return runCliCaptured(['-joff', file], { cwd: join(luaDir, 'errors') }).stderr;
}

describe('vm: tracebacks (text checked against lua5.4)', () => {
  it('uncaught error through local, upvalue, global and field functions', () => {
    const err = stderrOf('traceback_uncaught.lua');
    assert.equal(err, [
      'lunet: traceback_uncaught.lua:1: deep error',
      'stack traceback:',
      "\t[C]: in function 'error'",
      "\ttraceback_uncaught.lua:1: in upvalue 'lvl3'",
      "\ttraceback_uncaught.lua:2: in upvalue 'lvl2'",
      "\ttraceback_uncaught.lua:3: in function 'globalfn'",
      '\ttraceback_uncaught.lua:4: in main chunk',
      '\t[C]: in ?', ''].join('\n'));
  });
  it('tail calls and metamethod frames', () => {
    const errs = ['traceback_kinds.lua', 'traceback_tail.lua'].map(stderrOf);
    assert.equal(errs[0], [
      'lunet: traceback_kinds.lua:8: traceback_kinds.lua:2: in method',
      'stack traceback:',
      "\t[C]: in upvalue 'co'",
      "\ttraceback_kinds.lua:8: in metamethod 'index'",
      '\ttraceback_kinds.lua:9: in main chunk',
      '\t[C]: in ?', ''].join('\n'));
    assert.equal(errs[1], [
      'lunet: traceback_tail.lua:1: tail end',
      'stack traceback:',
      "\t[C]: in function 'error'",
      '\ttraceback_tail.lua:1: in function <traceback_tail.lua:1>',
      '\t(...tail calls...)',
      '\ttraceback_tail.lua:4: in main chunk',
      '\t[C]: in ?', ''].join('\n'));
  });
  it('stack overflow skips levels like luaL_traceback', () => {
    const err = stderrOf('stack_overflow.lua');
    const lines = err.split('\n');
    assert.equal(lines[0], 'lunet: stack_overflow.lua:1: stack overflow');
    assert.equal(lines[12], '\t...\t(skipping 999967 levels)');
    assert.equal(lines.length, 25);
    assert.equal(lines[22], '\tstack_overflow.lua:6: in main chunk');
  });
});

describe('vm: host API', () => {
  it('argument errors name the function as the call site shows it', () => {
    const L = LuaState.create();
    L.openLibs();
    const need: HostFn = (L) => { L.checkNumber(1); return 0; };
    L.pushHostFunction(need, 0, 'need');
    L.setGlobal('need');
    L.load([
      'local t = {f = need}',
      'local function e(f) return select(2, pcall(f)) end',
      'return e(function() need({}) end), e(function() t.f() end), e(function() t:f() end)',
    ].join('\n'), '=api');
    assert.equal(L.pcall(0, 3, 0), OK);
    assert.equal(L.toStringX(-3), "api:3: bad argument #1 to 'need' (number expected, got table)");
    assert.equal(L.toStringX(-2), "api:3: bad argument #1 to 'f' (number expected, got no value)");
    assert.equal(L.toStringX(-1), "api:3: calling 'f' on bad self (number expected, got table)");
  });
  it('integers keep 64 bits through the API', () => {
    const L = LuaState.create();
    L.openLibs();
    const add: HostFn = (L) => { L.pushInteger(L.checkInt64(1) + L.checkInt64(2)); return 1; };
    L.pushHostFunction(add, 0, 'add');
    L.setGlobal('add');
    L.load('return add(9223372036854775807, 1), add(2, 3), math_type', '=x');
    assert.equal(L.pcall(0, 3, 0), OK);
    assert.equal(L.toStringX(-3), '-9223372036854775808');
    assert.equal(L.toIntegerX(-2), 5);
    assert.equal(L.type(-1), Tag.Nil);
  });
  it('call from JS into Lua and back; errors come back through pcall', () => {
    const { out, err, status } = run('local function f(a, b) return a .. b end\nprint(f("x", 1))\nerror("stop")');
    assert.equal(out, 'x1\n');
    assert.equal(status, 2);
    assert.equal(err, 't:3: stop');
  });
  it('callK continuation runs after a Lua callee and can be yielded across', () => {
    const L = LuaState.create();
    L.openLibs();
    const twice: HostFn = (L) => {
      // call the argument, then add 1 to its result in the continuation
      return L.callK(0, 1, (L) => { L.pushInteger(L.checkInteger(-1) * 2); return 1; });
    };
    L.pushHostFunction(twice, 0, 'twice');
    L.setGlobal('twice');
    L.load('local co = coroutine.wrap(function() return twice(function() return coroutine.yield(1) end) end)\nlocal a = co()\nreturn a, co(21)', '=k');
    assert.equal(L.pcall(0, 2, 0), OK);
    assert.equal(L.toIntegerX(-2), 1);
    assert.equal(L.toIntegerX(-1), 42);
  });
  it('pcall(coroutine.yield, v) yields through the protected call', () => {
    const { out } = run([
      'local co = coroutine.create(function() return pcall(coroutine.yield, 1) end)',
      'print(coroutine.resume(co))',
    ].join('\n'));
    assert.equal(out, 'true\t1\n');
  });
  it('deep JS re-entrancy ends in "C stack overflow", never a RangeError', () => {
    const L = LuaState.create();
    L.openLibs();
    const reenter: HostFn = (L) => { L.pushValue(1); L.pushValue(1); L.call(1, MULTRET); return L.gettop() - 1; };
    L.pushHostFunction(reenter, 0, 'reenter');
    L.setGlobal('reenter');
    L.load('return pcall(reenter, reenter)', '=c');
    assert.equal(L.pcall(0, 2, 0), OK);
    assert.equal(L.toBoolean(-2), false);
    assert.equal(L.toStringX(-1), 'C stack overflow');
  });
});
