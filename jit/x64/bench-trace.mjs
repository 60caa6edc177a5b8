// Times a looping trace (1e8 iterations) and the enter -> trampoline -> exit handler round
// trip. Run after `npx tsc -p .`:  node jit/x64/bench-trace.mjs
import { CodeMemory, allocArena, enterFunction, nativeBinding, nativeStatus, setEnterContext } from '../../dist/native/addon.js';
import { ALU_ADD, ALU_CMP, X64Asm } from '../../dist/jit/x64/encoder.js';
import { CTX_BASE, CTX_ENTRY, CTX_TRACE, emitExitStub, installTrampolines, REG_BASE } from '../../dist/jit/x64/trampoline.js';
import { CC_L, CC_O, RAX } from '../../dist/jit/x64/regs.js';
if (!nativeStatus().jit) {
  console.log(`JIT off (${nativeStatus().reason})`);
  process.exit(0);
}
const arena = allocArena(1 << 20), dv = new DataView(arena), mem = new CodeMemory(nativeBinding());
const tr = installTrampolines(mem);
dv.setBigUint64(1024 + CTX_ENTRY, BigInt(tr.entry), true); dv.setBigUint64(1024 + CTX_BASE, 8192n, true);
setEnterContext(arena, 1024);
const block = mem.alloc(256); const a = new X64Asm(); a.setEndAddress(block.address + block.size);
emitExitStub(a, 1, tr.exitHandler); const e1 = a.here(); emitExitStub(a, 2, tr.exitHandler); const e2 = a.here();
a.jmp(e1); const back = a.here(); a.jcc32(CC_L, back); a.aluRM(ALU_CMP, RAX, REG_BASE, 16); a.store64(RAX, REG_BASE, 0);
a.jcc(CC_O, e2); a.aluRI(ALU_ADD, RAX, 1); a.load64(RAX, REG_BASE, 0); a.patchRel32(back, a.here());
mem.write(block, block.size - a.size, a.view()); mem.markExec(block);
dv.setBigUint64(1024 + CTX_TRACE, BigInt(block.address + block.size - a.size), true);
const enter = enterFunction();
dv.setBigInt64(8192, 0n, true); dv.setBigInt64(8192 + 16, 100000000n, true);
let t0 = process.hrtime.bigint(); const r = enter(); const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log('trace loop 1e8 iterations (load/add/jo/store/cmp/jl):', ms.toFixed(0), 'ms, exit', r, dv.getBigInt64(8192, true));
dv.setBigInt64(8192 + 16, 0n, true);
t0 = process.hrtime.bigint(); for (let i = 0; i < 1e6; i++) enter(); console.log('enter+trampoline+exit round trip:', (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1), 'ns');
