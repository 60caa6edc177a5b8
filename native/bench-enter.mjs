// Measures the cost of one enter() call into `mov eax, 42; ret` (run after `npx tsc -p .`):
//   node native/bench-enter.mjs
import { CodeMemory, allocArena, enterFunction, nativeBinding, nativeStatus, setEnterContext } from '../dist/native/addon.js';

const st = nativeStatus();
if (!st.jit) {
  console.log(`JIT off (${st.reason}); nothing to measure`);
  process.exit(0);
}
const arena = allocArena(1 << 16);
const mem = new CodeMemory(nativeBinding());
const b = mem.alloc(6);
mem.write(b, 0, new Uint8Array([0xb8, 0x2a, 0, 0, 0, 0xc3]));
mem.markExec(b);
new DataView(arena).setBigUint64(0, BigInt(b.address), true);
setEnterContext(arena, 0);
const enter = enterFunction();
const probe = nativeBinding().isArena; // a node-addon-api function with one argument, for scale

function time(label, fn, n) {
  for (let i = 0; i < n / 10; i++) fn();
  const t0 = process.hrtime.bigint();
  let s = 0;
  for (let i = 0; i < n; i++) s += fn();
  const ns = Number(process.hrtime.bigint() - t0) / n;
  console.log(`${label}: ${ns.toFixed(1)} ns/call (${s > 0 ? 'ok' : 'bad'})`);
}
const N = 2e7;
time('empty JS loop', () => 1, N);
time('enter() -> ret 42', enter, N);
time('isArena(ab) via node-addon-api', () => (probe(arena) ? 1 : 0), N);
