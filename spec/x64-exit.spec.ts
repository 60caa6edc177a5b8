// Trace entry and exit for real: the entry trampoline sets the fixed registers and jumps to a
// trace; the trace leaves through an exit stub; the common exit handler stores every register
// in the context block and enter() returns the exit number.
import { strict as assert } from 'node:assert';
import {
  CodeMemory, allocArena, arenaAddress, clearEnterContext, enterFunction, freeArena, nativeBinding, nativeStatus,
  setEnterContext,
} from '../native/addon.js';
import { ALU_ADD, ALU_CMP, X64Asm } from '../jit/x64/encoder.js';
import {
  CTX_BASE, CTX_ENTRY, CTX_EXITNO, CTX_GPR, CTX_SPILL, CTX_TRACE, CTX_XMM, contextBytes, emitExitStub, installTrampolines,
  REG_ARENA, REG_BASE, REG_CTX, type Trampolines,
} from '../jit/x64/trampoline.js';
import { CC_L, CC_O, R8, R9, R12, RAX, RCX, RDX, RSP, XMM3, XMM15 } from '../jit/x64/regs.js';

const status = nativeStatus();

describe('x64 trace entry and exit', () => {
  if (!status.jit) {
    it(`cannot run here: ${status.reason}`, () => {
      console.warn(`    x64 exit specs not run: ${status.reason}`);
      assert.ok(status.reason.length > 0);
      assert.equal(process.env['LUNET_REQUIRE_JIT'], undefined, `LUNET_REQUIRE_JIT is set but: ${status.reason}`);
    });
    return;
  }

  const CTX = 1024; // context block offset in the arena
  const STACK = 8192; // Lua stack base offset (TValues of 16 bytes)
  let arena: ArrayBuffer;
  let dv: DataView;
  let mem: CodeMemory;
  let enter: () => number;
  let tramp: Trampolines;
  let base: number;

  before(() => {
    arena = allocArena(1 << 20);
    dv = new DataView(arena);
    base = Number(arenaAddress(arena));
    mem = new CodeMemory(nativeBinding()!);
    enter = enterFunction();
    tramp = installTrampolines(mem);
    dv.setBigUint64(CTX + CTX_ENTRY, BigInt(tramp.entry), true);
    dv.setBigUint64(CTX + CTX_BASE, BigInt(STACK), true);
    setEnterContext(arena, CTX);
    assert.ok(contextBytes(16) + CTX <= STACK);
  });
  after(() => {
    clearEnterContext();
    mem.dispose();
    freeArena(arena);
  });

  /** A trace whose exit stubs (numbers `exits`) sit at its end, as the backend places them:
   *  emitted first when assembling backwards, so guards know their labels. */
  function installTrace(build: (a: X64Asm, stub: (n: number) => number) => void, exits: number[]): void {
    const block = mem.alloc(512);
    const a = new X64Asm();
    a.setEndAddress(block.address + block.size);
    const stubs = new Map<number, number>();
    for (const n of exits) {
      emitExitStub(a, n, tramp.exitHandler);
      stubs.set(n, a.here());
    }
    build(a, (n) => stubs.get(n)!);
    mem.write(block, block.size - a.size, a.view());
    mem.markExec(block);
    dv.setBigUint64(CTX + CTX_TRACE, BigInt(block.address + block.size - a.size), true);
  }

  const gpr = (r: number): bigint => dv.getBigInt64(CTX + CTX_GPR + 8 * r, true);

  it('saves every register at the exit and returns the exit number', () => {
    installTrace((a, stub) => {
      a.jmp(stub(5));
      a.store64(RCX, REG_CTX, CTX_SPILL + 8); // spill slot 1
      a.loadsd(XMM15, REG_BASE, 16); // Lua stack slot 1 payload (a float)
      a.movqXR(XMM3, RCX);
      a.load64(RCX, REG_BASE, 0); // Lua stack slot 0 payload
      a.movRI(R8, -222);
      a.movRI(R12, 0x1234567890n); // callee-saved: the handler must restore enter()'s value
      a.movRI(RAX, 111);
    }, [5]);
    dv.setBigInt64(STACK, -77n, true);
    dv.setFloat64(STACK + 16, 2.5, true);
    for (let i = 0; i < 1000; i++) assert.equal(enter(), 5);
    assert.equal(dv.getBigInt64(CTX + CTX_EXITNO, true), 5n);
    assert.equal(gpr(RAX), 111n);
    assert.equal(gpr(R8), -222n);
    assert.equal(gpr(R12), 0x1234567890n);
    assert.equal(gpr(RCX), -77n);
    assert.equal(gpr(REG_BASE), BigInt(base + STACK));
    assert.equal(gpr(REG_ARENA), BigInt(base));
    assert.equal(gpr(REG_CTX), BigInt(base + CTX));
    assert.equal(gpr(RSP) % 16n, 0n, 'trace code runs with rsp 16-byte aligned');
    assert.equal(dv.getBigInt64(CTX + CTX_XMM + 8 * XMM3, true), -77n);
    assert.equal(dv.getFloat64(CTX + CTX_XMM + 8 * XMM15, true), 2.5);
    assert.equal(dv.getBigInt64(CTX + CTX_SPILL + 8, true), -77n);
  });

  it('runs a looping trace until a guard fails, taking the matching exit', () => {
    // loop: rax = slot0 + 1 (exit 2 on overflow); slot0 = rax; if rax < slot1 goto loop; exit 1
    installTrace((a, stub) => {
      a.jmp(stub(1));
      const back = a.here();
      a.jcc32(CC_L, back); // patched below to the loop head
      a.aluRM(ALU_CMP, RAX, REG_BASE, 16);
      a.store64(RAX, REG_BASE, 0);
      a.jcc(CC_O, stub(2));
      a.aluRI(ALU_ADD, RAX, 1);
      a.load64(RAX, REG_BASE, 0);
      a.patchRel32(back, a.here());
    }, [1, 2]);
    const run = (start: bigint, limit: bigint): [number, bigint] => {
      dv.setBigInt64(STACK, start, true);
      dv.setBigInt64(STACK + 16, limit, true);
      return [enter(), dv.getBigInt64(STACK, true)];
    };
    assert.deepEqual(run(0n, 1000000n), [1, 1000000n]);
    assert.deepEqual(run(5n, 0n), [1, 6n]);
    const max = (1n << 63n) - 1n;
    assert.deepEqual(run(max - 3n, max), [1, max]);
    assert.deepEqual(run(max, max), [2, max], 'slot 0 is not written when the add overflows');
    assert.equal(gpr(RAX), -(1n << 63n), 'the wrapped sum is in rax at the overflow exit');
  });

  it('leaves all caller-saved registers free for trace code', () => {
    installTrace((a, stub) => {
      a.jmp(stub(7));
      for (const r of [RAX, RCX, RDX, R8, R9]) a.movRI(r, r + 100);
    }, [7]);
    assert.equal(enter(), 7);
    for (const r of [RAX, RCX, RDX, R8, R9]) assert.equal(gpr(r), BigInt(r + 100));
    assert.equal([3, 1, 2].sort().join(''), '123'); // JS intact after the exits
  });
});
