// Without the addon (here forced with LUNET_NATIVE=0 in a child process, since the loader
// decides once per process) lunet must still work: plain ArrayBuffer arenas, JIT off, a reason.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nativeStatus, type NativeStatus } from '../native/addon.js';

const addonUrl = new URL('../native/addon.js', import.meta.url).href;

function runChild(env: NodeJS.ProcessEnv, body: string, url = addonUrl): unknown {
  const script = `import(${JSON.stringify(url)}).then((m) => {${body}});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env,
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('.', import.meta.url)),
  });
  assert.equal(r.status, 0, `child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('native addon fallback', () => {
  it('turns the JIT off, says why, and gives plain ArrayBuffer arenas', () => {
    const out = runChild(
      { ...process.env, LUNET_NATIVE: '0' },
      `
      const ab = m.allocArena(1 << 20);
      new Float64Array(ab)[5] = 1.5;
      let enterErr = '';
      try { m.enterFunction(); } catch (e) { enterErr = e.message; }
      let addrErr = '';
      try { m.arenaAddress(ab); } catch (e) { addrErr = e.message; }
      m.freeArena(ab);
      console.log(JSON.stringify({
        status: m.nativeStatus(),
        binding: m.nativeBinding(),
        isArrayBuffer: ab instanceof ArrayBuffer,
        length: ab.byteLength,
        value: new Float64Array(ab)[5],
        native: m.isNativeArena(ab),
        enterErr, addrErr,
      }));`,
    );
    assert.deepEqual(out, {
      status: { addon: false, jit: false, reason: 'LUNET_NATIVE=0' },
      binding: null,
      isArrayBuffer: true,
      length: 1 << 20,
      value: 1.5,
      native: false,
      enterErr: 'enter: JIT unavailable (LUNET_NATIVE=0)',
      addrErr: 'arenaAddress: JIT unavailable (LUNET_NATIVE=0)',
    });
  });

  it('agrees with the in-process status when the variable is not set', () => {
    const env = { ...process.env };
    delete env['LUNET_NATIVE'];
    const out = runChild(env, `console.log(JSON.stringify(m.nativeStatus()));`);
    if (process.env['LUNET_NATIVE'] === undefined) assert.deepEqual(out, nativeStatus());
    const st = out as NativeStatus;
    assert.ok(st.reason.length > 0);
    if (!st.jit) console.warn(`    (JIT unavailable in this build: ${st.reason})`);
  });

  it('says the addon is missing when there is no build next to the loader', () => {
    // A copy of the compiled loader in a directory tree with no build/ beside it.
    const root = mkdtempSync(join(tmpdir(), 'lunet-native-'));
    try {
      const dir = join(root, 'dist', 'native');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(root, 'package.json'), '{"type":"module"}');
      const here = fileURLToPath(new URL('../native/', import.meta.url));
      for (const f of ['addon.js', 'binding.js', 'code-memory.js']) copyFileSync(join(here, f), join(dir, f));
      const env = { ...process.env };
      delete env['LUNET_NATIVE'];
      const out = runChild(env, `console.log(JSON.stringify(m.nativeStatus()));`, pathToFileURL(join(dir, 'addon.js')).href);
      if (process.platform === 'linux' && process.arch === 'x64') {
        assert.deepEqual(out, { addon: false, jit: false, reason: 'native addon missing (not built)' });
      } else {
        assert.equal((out as NativeStatus).jit, false);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
