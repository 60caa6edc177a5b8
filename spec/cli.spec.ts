// The `lunet` command as a user runs it (a real child process): options, exit statuses and
// messages as lua5.4 gives them (checked by hand against lua5.4 5.4.4; `lua5.4` replaced by
// `lunet` in messages).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh, bundlePaths } from '../lang/cli/bundle-load.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli.js');

/** Runs `node <entry> ...args` (entry: dist/cli.js unless given) without the caller's LUA_INIT. */
function lunet(args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string>; entry?: string[] } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  if (!opts.env || !('LUA_INIT' in opts.env)) delete env.LUA_INIT;
  delete env.LUA_INIT_5_4;
  const r = spawnSync(process.execPath, [...(opts.entry ?? [cli]), ...args], {
    input: opts.input ?? '', encoding: 'latin1', cwd: opts.cwd, timeout: 30000, env, maxBuffer: 64 << 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lunet command line', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lunet-cli-'));
    writeFileSync(join(dir, 'args.lua'), 'print(...) print(arg[0], arg[-1], arg[1], #arg)\n');
    writeFileSync(join(dir, 'boom.lua'), 'local function f()\n  error("boom")\nend\nf()\n');
    writeFileSync(join(dir, 'errtable.lua'), 'error({})\n');
    writeFileSync(join(dir, 'errts.lua'), 'error(setmetatable({}, {__tostring = function() return "TS" end}))\n');
    writeFileSync(join(dir, 'shebang.lua'), '#!/usr/bin/env lunet\nprint("ok")\n');
    writeFileSync(join(dir, 'mod.lua'), 'return { answer = 42 }\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs examples/hello.lua', () => {
    const r = lunet([join(dirname(cli), '..', 'examples', 'hello.lua')]);
    assert.equal(r.stdout, 'hello from lunet\n');
    assert.equal(r.status, 0);
  });

  it('dist/cli.js runs as a command (its #! line, executable bit set by the build) as npx runs it', () => {
    const r = spawnSync(cli, [join(dirname(cli), '..', 'examples', 'hello.lua')], { encoding: 'latin1', timeout: 30000 });
    assert.equal(r.error, undefined);
    assert.equal(r.stdout, 'hello from lunet\n');
    assert.equal(r.status, 0);
  });

  it('the bundle the build makes (dist/lunet.cjs) runs scripts as the modules do, with its code cache', function () {
    const dist = dirname(cli);
    if (!bundleIsFresh(dist)) {
      console.log(`      (skipped: ${existsSync(bundlePaths(dist).bundle) ? 'dist/lunet.cjs predates the last tsc run' : 'no dist/lunet.cjs'}; \`npm run prepare\` builds it)`);
      this.skip();
    }
    const script = join(dir, 'both.lua');
    writeFileSync(script, [
      'local s = 0 for i = 1, 100000 do s = s + i % 7 end print(s, 2^53, 10 // 3, "x" .. 1.5)',
      'print(pcall(function() local t = nil; return t.x end))',
      'print(select("#", string.byte("hello", 1, -1)), string.format("%5.2f|%q", math.pi, "a\\n"))',
      'local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)',
      'print(co(1), co(20))',
      'error("bye")',
    ].join('\n') + '\n');
    // the loader dist/cli.js uses, saying on stderr whether V8 took the cache
    const load = new URL('../lang/cli/bundle-load.js', import.meta.url).href;
    const viaBundle = lunet([script], { entry: ['--input-type=module', '-e',
      `import { loadBundle } from ${JSON.stringify(load)}; const b = loadBundle(${JSON.stringify(dist)}); ` +
      'process.stderr.write(`cache: ${b.cache}\\n`); await b.cli.main(process.argv.slice(1));'] });
    const viaModules = lunet([script], { env: { LUNET_BUNDLE: '0' } });
    assert.equal(viaBundle.stdout, '300000\t9.007199254741e+15\t3\tx1.5\n' +
      'false\t' + script + ":2: attempt to index a nil value (local 't')\n" +
      '5\t 3.14|"a\\\n"\n' + '2\t40\n');
    assert.equal(viaBundle.stdout, viaModules.stdout);
    // the build made the cache with this node, so V8 must take it
    assert.equal(viaBundle.stderr, 'cache: used\n' + viaModules.stderr);
    assert.match(viaModules.stderr, /^lunet: .*both\.lua:6: bye\nstack traceback:\n/);
    assert.equal(viaBundle.status, 1);
    assert.equal(viaModules.status, 1);
  });

  it('-v prints the version line with the JIT state', () => {
    const r = lunet(['-v']);
    assert.match(r.stdout, /^lunet \d+\.\d+\.\d+ \(Lua 5\.4\) JIT: (on x86-64|off \(.+\))\n$/);
    assert.equal(r.status, 0);
  });

  it('-v reports the JIT off with a reason when the addon is disabled', () => {
    const r = lunet(['-v'], { env: { LUNET_NATIVE: '0' } });
    assert.match(r.stdout, /JIT: off \(.*LUNET_NATIVE=0.*\)\n$/);
  });

  it('-e runs a statement', () => {
    const r = lunet(['-e', 'print(1 + 1, 7 // 2, 2^53, "a" .. 1)']);
    assert.equal(r.stdout, '2\t3\t9.007199254741e+15\ta1\n');
    assert.equal(r.status, 0);
  });

  it('a missing script: cannot open, status 1', () => {
    const r = lunet(['nosuchfile.lua'], { cwd: dir });
    assert.equal(r.stderr, 'lunet: cannot open nosuchfile.lua: No such file or directory\n');
    assert.equal(r.status, 1);
  });

  it('an unknown option prints the usage, status 1', () => {
    const r = lunet(['-x']);
    assert.equal(r.stderr.split('\n')[0], "lunet: unrecognized option '-x'");
    assert.equal(r.stderr.split('\n')[1], 'usage: lunet [options] [script [args]]');
    assert.equal(r.status, 1);
  });

  it('-e without its argument', () => {
    const r = lunet(['-e']);
    assert.equal(r.stderr.split('\n')[0], "lunet: '-e' needs argument");
    assert.equal(r.status, 1);
  });

  it('passes arguments as ... and arg with negative indices', () => {
    const r = lunet(['args.lua', 'p', 'q'], { cwd: dir });
    assert.equal(r.stdout, 'p\tq\nargs.lua\tlunet\tp\t2\n');
    const r2 = lunet(['-e', 'y=1', 'args.lua', 'r'], { cwd: dir });
    assert.equal(r2.stdout, 'r\nargs.lua\ty=1\tr\t1\n');
  });

  // The command ends with _exit once the script is done (native/addon.ts exitNow): nothing
  // written may be lost, with or without the addon (expected outputs as lua5.4 gives them).
  for (const native of ['1', '0']) {
    it(`exits with every byte written and the script's status (LUNET_NATIVE=${native})`, () => {
      const out = join(dir, `exit-${native}.txt`);
      const script = `for i = 1, 100000 do print(i, ("x"):rep(20)) end
local f = io.open(${JSON.stringify(out)}, "w") f:write("left open")
io.stdout:setvbuf("full") io.write("end")
os.exit(5)`;
      const r = lunet(['-e', script], { env: { LUNET_NATIVE: native } });
      assert.equal(r.status, 5);
      const lines = r.stdout.split('\n');
      assert.equal(lines.length, 100001);
      assert.equal(lines[99999], `100000\t${'x'.repeat(20)}`);
      assert.equal(lines[100000], 'end');
      assert.equal(readFileSync(out, 'latin1'), 'left open');
      const e = lunet(['-e', 'io.write("partial") error("late")'], { env: { LUNET_NATIVE: native } });
      assert.equal(e.stdout, 'partial');
      assert.equal(e.stderr.split('\n')[0], 'lunet: (command line):1: late');
      assert.equal(e.status, 1);
    });
  }

  it('an uncaught error prints the message and a traceback, status 1', () => {
    const r = lunet(['boom.lua'], { cwd: dir });
    assert.equal(r.stderr,
      'lunet: boom.lua:2: boom\nstack traceback:\n' +
      "\t[C]: in function 'error'\n" +
      "\tboom.lua:2: in local 'f'\n" +
      '\tboom.lua:4: in main chunk\n' +
      '\t[C]: in ?\n');
    assert.equal(r.status, 1);
  });

  it('error objects: tables and __tostring', () => {
    assert.equal(lunet(['errtable.lua'], { cwd: dir }).stderr.split('\n')[0], 'lunet: (error object is a table value)');
    const r = lunet(['errts.lua'], { cwd: dir });
    assert.equal(r.stderr, 'lunet: TS\n');
    assert.equal(r.status, 1);
  });

  it('syntax errors in -e and stdin', () => {
    assert.equal(lunet(['-e', 'x=']).stderr, "lunet: (command line):1: unexpected symbol near <eof>\n");
    const r = lunet(['-'], { input: 'print(1\n' });
    assert.equal(r.stderr, "lunet: stdin:2: ')' expected (to close '(' at line 1) near <eof>\n");
    assert.equal(r.status, 1);
  });

  it('runs stdin when not a terminal, skipping a #! line in files', () => {
    assert.equal(lunet([], { input: 'print("from stdin")' }).stdout, 'from stdin\n');
    assert.equal(lunet(['shebang.lua'], { cwd: dir }).stdout, 'ok\n');
  });

  it('LUA_INIT runs first unless -E', () => {
    assert.equal(lunet(['-e', 'print(x)'], { env: { LUA_INIT: 'x = 5' } }).stdout, '5\n');
    assert.equal(lunet(['-E', '-e', 'print(x)'], { env: { LUA_INIT: 'x = 5' } }).stdout, 'nil\n');
  });

  it('-i reads statements and prints expression values', () => {
    const r = lunet(['-i'], { input: 'x = 5\nx + 1\nfunction f()\nreturn 7 end\nf()\n' });
    assert.match(r.stdout, /^lunet .*\n> > 6\n> >> > 7\n> \n$/);
  });
});
