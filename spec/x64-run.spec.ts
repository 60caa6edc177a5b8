// Encoder output run for real: small kernels assembled backwards with X64Asm, placed at the
// end of a CodeMemory block (as the backend will place traces), flipped to RX and run through
// enter(). Checks the semantics the backend relies on (64-bit wrap, NaN compares, conversions,
// overflow flags, callee-saved registers, calls out of the chunk) against JS.
import { strict as assert } from 'node:assert';
import {
  CodeMemory, allocArena, clearEnterContext, enterFunction, freeArena, nativeBinding, nativeStatus, setEnterContext,
  type CodeBlock,
} from '../native/addon.js';
import { cpuFeatures } from '../jit/x64/cpu.js';
import {
  ALU_ADD, ALU_AND, ALU_CMP, ALU_SUB, ROUND_CEIL, ROUND_FLOOR, SSE_ADDSD, SSE_MULSD, SSE_SQRTSD, SSE_UCOMISD, X64Asm,
} from '../jit/x64/encoder.js';
import {
  CC_E, CC_G, CC_L, CC_NE, CC_NP, CC_O, R11, R12, R13, R14, R15, RAX, RBP, RBX, RCX, RDI, RDX, RSI, XMM0, XMM1, XMM2,
  XMM8, XMM15,
} from '../jit/x64/regs.js';

const status = nativeStatus();

describe('x64 encoder output, run natively', () => {
  if (!status.jit) {
    it(`cannot run here: ${status.reason}`, () => {
      console.warn(`    x64 run specs not run: ${status.reason}`);
      assert.ok(status.reason.length > 0);
      assert.equal(process.env['LUNET_REQUIRE_JIT'], undefined, `LUNET_REQUIRE_JIT is set but: ${status.reason}`);
    });
    return;
  }

  const CTX = 0;
  let arena: ArrayBuffer;
  let dv: DataView;
  let f64: Float64Array;
  let mem: CodeMemory;
  let enter: () => number;

  before(() => {
    arena = allocArena(1 << 20);
    dv = new DataView(arena);
    f64 = new Float64Array(arena);
    mem = new CodeMemory(nativeBinding()!);
    enter = enterFunction();
    setEnterContext(arena, CTX);
  });
  after(() => {
    clearEnterContext();
    mem.dispose();
    freeArena(arena);
  });

  /** Assembles `build` so that the code ENDS at the block's end (absolute targets work), makes
   *  it executable and points the context at it. */
  function install(maxBytes: number, build: (a: X64Asm) => void): CodeBlock {
    const block = mem.alloc(maxBytes);
    const a = new X64Asm(64);
    a.setEndAddress(block.address + block.size);
    build(a);
    mem.write(block, block.size - a.size, a.view());
    mem.markExec(block);
    dv.setBigUint64(CTX, BigInt(block.address + block.size - a.size), true);
    return block;
  }

  it('runs an integer loop with a patched back-edge (64-bit sums)', () => {
    // rcx = n; rax = 0; rdx = 1; loop: cmp rdx, rcx; jg done; add rax, rdx; add rdx, 1; jmp loop
    // done: [ctx+24] = rax; return 1
    install(256, (a) => {
      a.ret();
      a.movRI(RAX, 1);
      a.store64(RAX, RDI, 24);
      const done = a.here();
      const backEdge = a.here();
      a.jmp32(backEdge); // target unknown yet: the loop head is emitted later
      a.aluRI(ALU_ADD, RDX, 1);
      a.aluRR(ALU_ADD, RAX, RDX);
      a.jcc(CC_G, done);
      a.aluRR(ALU_CMP, RDX, RCX);
      a.patchRel32(backEdge, a.here());
      a.movRI(RDX, 1);
      a.movRI(RAX, 0);
      a.load64(RCX, RDI, 16);
    });
    for (const n of [0n, 1n, 10n, 1000000n]) {
      dv.setBigInt64(CTX + 16, n, true);
      assert.equal(enter(), 1);
      assert.equal(dv.getBigInt64(CTX + 24, true), (n * (n + 1n)) / 2n);
    }
  });

  it('computes sqrt(a*a + b*b) over arrays with scaled-index addressing', () => {
    // rsi = arena base; arrays of n doubles at byte offsets A, B, OUT (u32s at ctx+16/20/24).
    // r8..r10 would do, but use callee-saved rbx/r12 to show they are saved and restored.
    const n = 100, A = 4096, B = A + 8 * n, OUT = B + 8 * n;
    install(256, (a) => {
      a.ret();
      a.pop(RBX);
      a.pop(R12);
      a.movRI(RAX, 3);
      const done = a.here();
      const back = a.here();
      a.jmp32(back);
      a.aluRI(ALU_ADD, RCX, 1);
      a.storesd(XMM0, RBX, 0, RCX, 8); // out[i]
      a.sseRR(SSE_SQRTSD, XMM0, XMM0);
      a.sseRR(SSE_ADDSD, XMM0, XMM1);
      a.sseRR(SSE_MULSD, XMM1, XMM1);
      a.sseRM(SSE_MULSD, XMM0, R12, 0, RCX, 8); // a[i]*a[i]
      a.loadsd(XMM1, RDX, 0, RCX, 8); // b[i]
      a.loadsd(XMM0, R12, 0, RCX, 8); // a[i]
      a.jcc(CC_E, done);
      a.aluRR(ALU_CMP, RCX, R11);
      a.patchRel32(back, a.here());
      a.movRI(RCX, 0);
      a.load32(R11, RDI, 28); // n
      a.aluRR(ALU_ADD, RBX, RSI);
      a.load32(RBX, RDI, 24);
      a.aluRR(ALU_ADD, RDX, RSI);
      a.load32(RDX, RDI, 20);
      a.aluRR(ALU_ADD, R12, RSI);
      a.load32(R12, RDI, 16);
      a.push(R12);
      a.push(RBX);
    });
    const av = f64.subarray(A / 8, A / 8 + n);
    const bv = f64.subarray(B / 8, B / 8 + n);
    for (let i = 0; i < n; i++) {
      av[i] = Math.sin(i) * 1e3;
      bv[i] = Math.cos(i * 7) / 3;
    }
    dv.setUint32(CTX + 16, A, true);
    dv.setUint32(CTX + 20, B, true);
    dv.setUint32(CTX + 24, OUT, true);
    dv.setUint32(CTX + 28, n, true);
    assert.equal(enter(), 3);
    for (let i = 0; i < n; i++) assert.equal(f64[OUT / 8 + i], Math.sqrt(av[i]! * av[i]! + bv[i]! * bv[i]!), `i=${i}`);
  });

  it('compares doubles for equality with the parity flag (NaN is unequal)', () => {
    // return (x == y) as 0/1: ucomisd sets ZF and PF on unordered, so equal = ZF && !PF.
    install(64, (a) => {
      a.ret();
      a.movzx8(RAX, RAX);
      a.aluRR32(ALU_AND, RAX, RCX);
      a.setcc(CC_E, RCX);
      a.setcc(CC_NP, RAX);
      a.sseRR(SSE_UCOMISD, XMM8, XMM15);
      a.loadsd(XMM15, RDI, 24);
      a.loadsd(XMM8, RDI, 16);
    });
    const cases: [number, number, number][] = [
      [1, 1, 1], [1, 2, 0], [NaN, NaN, 0], [NaN, 1, 0], [0, -0, 1], [Infinity, Infinity, 1], [-Infinity, Infinity, 0],
    ];
    for (const [x, y, want] of cases) {
      dv.setFloat64(CTX + 16, x, true);
      dv.setFloat64(CTX + 24, y, true);
      assert.equal(enter(), want, `${x} == ${y}`);
    }
  });

  it('converts between int64 and double, and rounds with roundsd when SSE4.1 is present', () => {
    // [ctx+24] = cvttsd2si([ctx+16]); [ctx+32] = cvtsi2sd([ctx+40]);
    // with SSE4.1: [ctx+48] = floor([ctx+16]), [ctx+56] = ceil([ctx+16])
    const sse41 = cpuFeatures().sse41;
    install(128, (a) => {
      a.ret();
      a.movRI(RAX, 0);
      if (sse41) {
        a.storesd(XMM2, RDI, 56);
        a.roundsd(XMM2, XMM0, ROUND_CEIL);
        a.storesd(XMM1, RDI, 48);
        a.roundsd(XMM1, XMM0, ROUND_FLOOR);
      }
      a.storesd(XMM1, RDI, 32);
      a.cvtsi2sd(XMM1, RCX);
      a.load64(RCX, RDI, 40);
      a.store64(RAX, RDI, 24);
      a.cvttsd2si(RAX, XMM0);
      a.loadsd(XMM0, RDI, 16);
    });
    const cases: [number, bigint, bigint][] = [
      [2.75, 2n, 9007199254740993n], [-2.75, -2n, -1n], [1e19, -9223372036854775808n, 9223372036854775807n],
      [NaN, -9223372036854775808n, 0n], [-0.5, 0n, 123n],
    ];
    for (const [x, trunc, i] of cases) {
      dv.setFloat64(CTX + 16, x, true);
      dv.setBigInt64(CTX + 40, i, true);
      assert.equal(enter(), 0);
      assert.equal(dv.getBigInt64(CTX + 24, true), trunc, `cvttsd2si ${x}`);
      assert.equal(dv.getFloat64(CTX + 32, true), Number(i), `cvtsi2sd ${i}`);
      if (sse41) {
        assert.ok(Object.is(dv.getFloat64(CTX + 48, true), Math.floor(x)), `floor ${x}`);
        assert.ok(Object.is(dv.getFloat64(CTX + 56, true), Math.ceil(x)), `ceil ${x}`);
      }
    }
  });

  it('exits through an overflow guard (imul/add set OF), else returns the wrapped product', () => {
    // rax = x * y; jo exit2; rax = rax + z; jo exit3; [ctx+40] = rax; return 1
    install(128, (a) => {
      a.ret();
      a.movRI(RAX, 3);
      const exit3 = a.here();
      a.ret();
      a.movRI(RAX, 2);
      const exit2 = a.here();
      a.ret();
      a.movRI(RAX, 1);
      a.store64(RAX, RDI, 40);
      a.jcc(CC_O, exit3);
      a.aluRM(ALU_ADD, RAX, RDI, 32);
      a.jcc(CC_O, exit2);
      a.imulRR(RAX, RCX);
      a.load64(RCX, RDI, 24);
      a.load64(RAX, RDI, 16);
    });
    const run = (x: bigint, y: bigint, z: bigint): [number, bigint] => {
      dv.setBigInt64(CTX + 16, x, true);
      dv.setBigInt64(CTX + 24, y, true);
      dv.setBigInt64(CTX + 32, z, true);
      return [enter(), dv.getBigInt64(CTX + 40, true)];
    };
    assert.deepEqual(run(6n, 7n, 0n), [1, 42n]);
    assert.deepEqual(run(-3000000000n, 3000000000n, 5n), [1, -9000000000000000000n + 5n]);
    assert.equal(run(1n << 32n, 1n << 31n, 0n)[0], 2);
    assert.equal(run(1n << 62n, 1n, 1n << 62n)[0], 3);
    assert.deepEqual(run(-1n, 1n << 62n, -(1n << 62n)), [1, -(1n << 63n)]);
  });

  it('divides with cqo/idiv (truncating quotient and remainder)', () => {
    install(64, (a) => {
      a.ret();
      a.movRI(RAX, 0);
      a.store64(RDX, RDI, 40);
      a.store64(RAX, RDI, 32);
      a.idiv(RCX);
      a.cqo();
      a.load64(RCX, RDI, 24);
      a.load64(RAX, RDI, 16);
    });
    for (const [x, y] of [[7n, 2n], [-7n, 2n], [7n, -2n], [-(1n << 62n), 3n]] as [bigint, bigint][]) {
      dv.setBigInt64(CTX + 16, x, true);
      dv.setBigInt64(CTX + 24, y, true);
      assert.equal(enter(), 0);
      assert.equal(dv.getBigInt64(CTX + 32, true), x / y);
      assert.equal(dv.getBigInt64(CTX + 40, true), x % y);
    }
  });

  it('calls a C function outside the chunk, by rel32 and through r11', () => {
    const helper = Number(nativeBinding()!.testHelperAddress());
    for (const viaR11 of [false, true]) {
      let usedR11 = viaR11;
      install(128, (a) => {
        a.ret();
        a.pop(RBX);
        a.movRI(RAX, 9);
        if (!viaR11 && a.reaches(helper)) a.callAbs(helper);
        else {
          usedR11 = true; // the helper may be out of rel32 reach of the chunk
          a.callR(R11);
          a.movRI64(R11, helper);
        }
        a.lea(RDI, RBX, 64);
        a.movRR(RBX, RDI);
        a.push(RBX); // keeps rsp 16-byte aligned at the call
      });
      new Uint8Array(arena, CTX + 64, 4).fill(0);
      assert.equal(enter(), 9);
      assert.equal(Buffer.from(arena, CTX + 64, 4).toString('latin1'), 'r-xp', `via ${usedR11 ? 'r11' : 'rel32'}`);
    }
  });

  it('preserves every callee-saved register it uses', () => {
    // Clobbers rbx, rbp, r12-r15 between pushes and pops; if any were lost, node would crash or
    // misbehave right after enter() returns. Returns the sum of what it wrote, 6*7 = 42.
    const saved = [RBX, RBP, R12, R13, R14, R15];
    install(128, (a) => {
      a.ret();
      for (const r of saved) a.pop(r);
      for (const r of saved) a.aluRR(ALU_ADD, RAX, r);
      a.movRI(RAX, 0);
      for (const r of saved) a.movRI(r, 7);
      for (const r of [...saved].reverse()) a.push(r);
      a.aluRI(ALU_SUB, RSI, 0); // harmless: the entry may use the arena base register freely
    });
    for (let i = 0; i < 1000; i++) assert.equal(enter(), 42);
    assert.equal([1, 2, 3].map((x) => x * 2).join(','), '2,4,6'); // JS still fine afterwards
  });

  it('branches on integer compares both ways (jl / jne fallthrough)', () => {
    // return x < y ? -1 : (x != y ? 1 : 0)
    install(64, (a) => {
      a.ret();
      a.movRIs32(RAX, -1);
      const less = a.here();
      a.ret();
      a.movRI(RAX, 1);
      const ne = a.here();
      a.ret();
      a.movRI(RAX, 0);
      a.jcc(CC_NE, ne);
      a.jcc(CC_L, less);
      a.aluRR(ALU_CMP, RCX, RDX);
      a.load64(RDX, RDI, 24);
      a.load64(RCX, RDI, 16);
    });
    for (const [x, y] of [[1n, 2n], [2n, 1n], [5n, 5n], [-(1n << 63n), (1n << 63n) - 1n]] as [bigint, bigint][]) {
      dv.setBigInt64(CTX + 16, x, true);
      dv.setBigInt64(CTX + 24, y, true);
      assert.equal(enter(), x < y ? -1 : x !== y ? 1 : 0, `${x} vs ${y}`);
    }
  });
});
