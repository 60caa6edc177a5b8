// Raw heap throughput (not a test): table get/set on the array and hash parts, and
// allocation with collection. Run after `npx tsc -p .`: node bench/heap.mjs
// Compare with the same loops in lua5.4: lua5.4 bench/heap.lua
import { Heap } from '../dist/lang/heap/index.js';

const h = new Heap({ memoryLimit: 1024 * 1024 * 1024 });
const st = h.threadStack(h.mainThread);
const K = st, V = st + 16;
const i32 = h.i32;

function bench(name, ops, fn) {
  // best of 4 runs (the first ones include V8's warm-up and tier-up)
  let dt = Infinity, r;
  // CPU time (like os.clock in bench/heap.lua), so a loaded machine skews both alike
  for (let k = 0; k < 4; k++) {
    const c0 = process.cpuUsage();
    r = fn();
    const c = process.cpuUsage(c0);
    dt = Math.min(dt, (c.user + c.system) / 1e6);
  }
  console.log(`${name.padEnd(34)} ${(ops / dt / 1e6).toFixed(1).padStart(7)} Mops/s  (${dt.toFixed(3)} s) ${r ?? ''}`);
}

const N = 1e7;
let arr = 0;
bench('array set t[i]=i (grow from empty)', N, () => {
  h.setNil(V); h.setIntKey(h.registry, 100, V);
  h.fullGC(); // drop the previous run's table
  arr = h.newTable(0, 0);
  h.setObj(V, 6, arr); h.setIntKey(h.registry, 100, V);
  for (let i = 1; i <= N; i++) { h.setInt(V, i); h.setIntKey(arr, i, V); }
});
bench('array get sum t[i]', N, () => {
  let s = 0;
  for (let i = 1; i <= N; i++) s += i32[h.getInt(arr, i) >> 2];
  return s;
});

const NK = 1000;
const keys = [];
for (let i = 0; i < NK; i++) keys.push(h.intern('key' + i));
// Root the key strings (a table holding them), since checkGC runs below.
const keyHolder = h.newTable(NK, 0);
h.setObj(V, 6, keyHolder); h.setIntKey(h.registry, 102, V);
for (let i = 0; i < NK; i++) { h.setStr(V, keys[i]); h.setIntKey(keyHolder, i + 1, V); }
const ht = h.newTable(0, 0);
h.setObj(V, 6, ht); h.setIntKey(h.registry, 101, V);
const M = 1e7;
bench('hash set t[k]=i (1000 string keys)', M, () => {
  for (let i = 0; i < M; i++) { h.setInt(V, i); h.setStrKey(ht, keys[i % NK], V); }
});
bench('hash get t[k] (1000 string keys)', M, () => {
  let s = 0;
  for (let i = 0; i < M; i++) s += i32[h.getStr(ht, keys[i % NK]) >> 2];
  return s;
});
bench('generic get(t, kp) string key', M, () => {
  let s = 0;
  for (let i = 0; i < M; i++) { h.setStr(K, keys[i % NK]); s += i32[h.get(ht, K) >> 2]; }
  return s;
});

// Allocation runs with a small live set (as a typical script's steady state).
h.setNil(V); h.setIntKey(h.registry, 100, V); h.setIntKey(h.registry, 101, V);
h.fullGC();
const A = 2e6;
const kx = h.intern('x');
h.setStr(V, kx); h.setIntKey(keyHolder, NK + 1, V);
bench('alloc {x=i} + checkGC', A, () => {
  for (let i = 0; i < A; i++) {
    const t = h.newTable(0, 1);
    h.setInt(V, i); h.setStrKey(t, kx, V);
    if ((i & 127) === 0) h.checkGC();
  }
  return `inuse ${(h.bytesInUse() / 1048576).toFixed(1)} MiB`;
});
bench('alloc strings "s"..i + checkGC', A, () => {
  for (let i = 0; i < A; i++) {
    h.intern('s' + i);
    if ((i & 127) === 0) h.checkGC();
  }
});
