// The x86-64 encoder against GNU objdump: every form over many registers (r8-r15, rsp, rbp,
// r12, r13 included) and memory operands, assembled, disassembled, and compared as text.
// The expected text is generated here from the operands, in objdump's Intel syntax.
import { strict as assert } from 'node:assert';
import {
  ALU_ADD, ALU_AND, ALU_CMP, ALU_OR, ALU_SUB, ALU_XOR, ROUND_FLOOR, ROUND_NEAREST, ROUND_TRUNC,
  SH_SAR, SH_SHL, SH_SHR, SSE_ADDSD, SSE_ANDPD, SSE_DIVSD, SSE_MAXSD, SSE_MINSD, SSE_MOVAPD, SSE_MOVSD,
  SSE_MULSD, SSE_SQRTSD, SSE_SUBSD, SSE_UCOMISD, SSE_XORPD, X64Asm,
} from '../jit/x64/encoder.js';
import { parseCpuFlags } from '../jit/x64/cpu.js';
import { disassemble, listing, objdumpStatus } from '../jit/x64/disasm.js';
import {
  CC_NAMES, GPR32, GPR64, GPR8, NOREG, R12, R13, R15, R8, R9, RAX, RBP, RBX, RCX, RSP, XMM,
} from '../jit/x64/regs.js';

const disasm = (code: Uint8Array, vma = 0): { addr: number; bytes: string; text: string }[] =>
  disassemble(code, vma).map((l) => ({ addr: l.address, bytes: l.bytes, text: l.text }));

function hexU(v: number | bigint, bits: number): string {
  return '0x' + BigInt.asUintN(bits, BigInt(v)).toString(16);
}

const SIZE: Record<number, string> = { 8: 'BYTE PTR ', 32: 'DWORD PTR ', 64: 'QWORD PTR ', 128: 'XMMWORD PTR ', 0: '' };

interface Mem {
  base: number;
  disp: number;
  index: number;
  scale: number;
}

function memText(m: Mem, bits: number): string {
  let s = SIZE[bits]! + '[' + GPR64[m.base];
  if (m.index !== NOREG) s += `+${GPR64[m.index]}*${m.scale}`;
  if (m.disp > 0) s += '+0x' + m.disp.toString(16);
  else if (m.disp < 0) s += '-0x' + (-m.disp).toString(16);
  else if ((m.base & 7) === 5) s += '+0x0'; // rbp/r13 are encoded with a zero disp8
  return s + ']';
}

const ALL = Array.from({ length: 16 }, (_, i) => i);
const MEMS: Mem[] = [];
for (const base of ALL) {
  for (const disp of [0, 8, -8, 127, -128, 128, 0x12345, -0x80000000]) MEMS.push({ base, disp, index: NOREG, scale: 1 });
}
for (const base of [RAX, RSP, RBP, R12, R13, R9]) {
  for (const index of [RAX, RBP, R12, R13, R15, RBX]) {
    for (const scale of [1, 2, 4, 8]) {
      for (const disp of [0, 0x40, -0x200]) MEMS.push({ base, disp, index, scale });
    }
  }
}

type Form = { emit: (a: X64Asm) => void; text: string };

function forms(): Form[] {
  const f: Form[] = [];
  const add = (text: string, emit: (a: X64Asm) => void): void => void f.push({ emit, text });
  const alu: [number, string][] = [[ALU_ADD, 'add'], [ALU_OR, 'or'], [ALU_AND, 'and'], [ALU_SUB, 'sub'], [ALU_XOR, 'xor'], [ALU_CMP, 'cmp']];
  const imms = [0, 1, -1, 127, -128, 128, -129, 0x7fffffff, -0x80000000, 0x12345];

  for (const d of ALL) {
    for (const s of ALL) {
      add(`mov ${GPR64[d]},${GPR64[s]}`, (a) => a.movRR(d, s));
      add(`mov ${GPR32[d]},${GPR32[s]}`, (a) => a.movRR32(d, s));
      for (const [op, name] of alu) add(`${name} ${GPR64[d]},${GPR64[s]}`, (a) => a.aluRR(op, d, s));
      add(`sub ${GPR32[d]},${GPR32[s]}`, (a) => a.aluRR32(ALU_SUB, d, s));
      add(`test ${GPR64[d]},${GPR64[s]}`, (a) => a.testRR(d, s));
      add(`imul ${GPR64[d]},${GPR64[s]}`, (a) => a.imulRR(d, s));
      add(`movzx ${GPR32[d]},${GPR8[s]}`, (a) => a.movzx8(d, s));
      add(`movsxd ${GPR64[d]},${GPR32[s]}`, (a) => a.movsxd(d, s));
      const cc = (d + s) & 15;
      add(`cmov${CC_NAMES[cc]} ${GPR64[d]},${GPR64[s]}`, (a) => a.cmov(cc, d, s));
      for (const imm of [3, -5, 1000]) add(`imul ${GPR64[d]},${GPR64[s]},${hexU(imm, 64)}`, (a) => a.imulRRI(d, s, imm));
      add(`movsd ${XMM[d]},${XMM[s]}`, (a) => a.sseRR(SSE_MOVSD, d, s));
      add(`movapd ${XMM[d]},${XMM[s]}`, (a) => a.sseRR(SSE_MOVAPD, d, s));
      const sse: [number, string][] = [[SSE_ADDSD, 'addsd'], [SSE_SUBSD, 'subsd'], [SSE_MULSD, 'mulsd'], [SSE_DIVSD, 'divsd'],
        [SSE_SQRTSD, 'sqrtsd'], [SSE_MINSD, 'minsd'], [SSE_MAXSD, 'maxsd'], [SSE_UCOMISD, 'ucomisd'], [SSE_XORPD, 'xorpd'], [SSE_ANDPD, 'andpd']];
      for (const [op, name] of sse) add(`${name} ${XMM[d]},${XMM[s]}`, (a) => a.sseRR(op, d, s));
      add(`cvtsi2sd ${XMM[d]},${GPR64[s]}`, (a) => a.cvtsi2sd(d, s));
      add(`cvttsd2si ${GPR64[d]},${XMM[s]}`, (a) => a.cvttsd2si(d, s));
      add(`movq ${XMM[d]},${GPR64[s]}`, (a) => a.movqXR(d, s));
      add(`movq ${GPR64[d]},${XMM[s]}`, (a) => a.movqRX(d, s));
      for (const mode of [ROUND_NEAREST, ROUND_FLOOR, ROUND_TRUNC]) {
        add(`roundsd ${XMM[d]},${XMM[s]},${hexU(mode, 8)}`, (a) => a.roundsd(d, s, mode));
      }
    }
  }

  for (const r of ALL) {
    for (const imm of imms) {
      for (const [op, name] of alu) add(`${name} ${GPR64[r]},${hexU(imm, 64)}`, (a) => a.aluRI(op, r, imm));
      add(`test ${GPR64[r]},${hexU(imm, 64)}`, (a) => a.testRI(r, imm));
      add(`cmp ${GPR32[r]},${hexU(imm, 32)}`, (a) => a.aluRI32(ALU_CMP, r, imm));
      add(`mov ${GPR32[r]},${hexU(imm, 32)}`, (a) => a.movRI32(r, imm));
      add(`mov ${GPR64[r]},${hexU(imm, 64)}`, (a) => a.movRIs32(r, imm));
    }
    for (const v of [0x123456789abcdef0n, -1n, 0x8000000000000000n, 5n]) add(`movabs ${GPR64[r]},${hexU(v, 64)}`, (a) => a.movRI64(r, v));
    for (const [op, name] of [[SH_SHL, 'shl'], [SH_SHR, 'shr'], [SH_SAR, 'sar']] as [number, string][]) {
      for (const imm of [1, 3, 63]) add(`${name} ${GPR64[r]},${imm === 1 ? '1' : hexU(imm, 8)}`, (a) => a.shiftRI(op, r, imm));
      add(`${name} ${GPR64[r]},cl`, (a) => a.shiftRCL(op, r));
    }
    add(`neg ${GPR64[r]}`, (a) => a.neg(r));
    add(`not ${GPR64[r]}`, (a) => a.not(r));
    add(`idiv ${GPR64[r]}`, (a) => a.idiv(r));
    add(`push ${GPR64[r]}`, (a) => a.push(r));
    add(`pop ${GPR64[r]}`, (a) => a.pop(r));
    add(`call ${GPR64[r]}`, (a) => a.callR(r));
    add(`jmp ${GPR64[r]}`, (a) => a.jmpR(r));
    for (let cc = 0; cc < 16; cc++) add(`set${CC_NAMES[cc]} ${GPR8[r]}`, (a) => a.setcc(cc, r));
  }
  add('cqo', (a) => a.cqo());
  for (const imm of [0, 5, -1, 127, 128, -129, 0x12345678, -0x80000000]) add(`push ${hexU(imm, 64)}`, (a) => a.pushI(imm));
  add('ret', (a) => a.ret());
  add('ud2', (a) => a.ud2());

  MEMS.forEach((m, i) => {
    const r = i % 16;
    const { base, disp, index, scale } = m;
    add(`mov ${GPR64[r]},${memText(m, 64)}`, (a) => a.load64(r, base, disp, index, scale));
    add(`mov ${memText(m, 64)},${GPR64[r]}`, (a) => a.store64(r, base, disp, index, scale));
    add(`movsxd ${GPR64[r]},${memText(m, 32)}`, (a) => a.load32sx(r, base, disp, index, scale));
    add(`mov ${GPR32[r]},${memText(m, 32)}`, (a) => a.load32(r, base, disp, index, scale));
    add(`mov ${memText(m, 32)},${GPR32[r]}`, (a) => a.store32(r, base, disp, index, scale));
    const imm = imms[i % imms.length]!;
    add(`mov ${memText(m, 32)},${hexU(imm, 32)}`, (a) => a.store32I(imm, base, disp, index, scale));
    add(`mov ${memText(m, 64)},${hexU(imm, 64)}`, (a) => a.store64I(imm, base, disp, index, scale));
    add(`cmp ${memText(m, 32)},${hexU(imm, 32)}`, (a) => a.aluMI32(ALU_CMP, base, disp, imm, index, scale));
    add(`add ${memText(m, 64)},${hexU(imm, 64)}`, (a) => a.aluMI64(ALU_ADD, base, disp, imm, index, scale));
    add(`movzx ${GPR32[r]},${memText(m, 8)}`, (a) => a.load8zx(r, base, disp, index, scale));
    add(`lea ${GPR64[r]},${memText(m, 0)}`, (a) => a.lea(r, base, disp, index, scale));
    add(`jmp ${memText(m, 64)}`, (a) => a.jmpM(base, disp, index, scale));
    add(`call ${memText(m, 64)}`, (a) => a.callM(base, disp, index, scale));
    add(`add ${GPR64[r]},${memText(m, 64)}`, (a) => a.aluRM(ALU_ADD, r, base, disp, index, scale));
    add(`cmp ${GPR64[r]},${memText(m, 64)}`, (a) => a.aluRM(ALU_CMP, r, base, disp, index, scale));
    add(`xor ${GPR32[r]},${memText(m, 32)}`, (a) => a.aluRM32(ALU_XOR, r, base, disp, index, scale));
    add(`movsd ${XMM[r]},${memText(m, 64)}`, (a) => a.loadsd(r, base, disp, index, scale));
    add(`movsd ${memText(m, 64)},${XMM[r]}`, (a) => a.storesd(r, base, disp, index, scale));
    add(`mulsd ${XMM[r]},${memText(m, 64)}`, (a) => a.sseRM(SSE_MULSD, r, base, disp, index, scale));
    add(`ucomisd ${XMM[r]},${memText(m, 64)}`, (a) => a.sseRM(SSE_UCOMISD, r, base, disp, index, scale));
    add(`xorpd ${XMM[r]},${memText(m, 128)}`, (a) => a.sseRM(SSE_XORPD, r, base, disp, index, scale));
  });
  return f;
}

const objdumpWhy = objdumpStatus();

describe('x64 encoder vs objdump', () => {
  if (objdumpWhy !== '') {
    it(`cannot run here: ${objdumpWhy}`, () => {
      console.warn(`    x64 objdump specs not run: ${objdumpWhy}`);
      assert.ok(objdumpWhy.length > 0);
    });
    return;
  }

  it('encodes every form as objdump reads it back', () => {
    const all = forms();
    const a = new X64Asm(64); // small on purpose: exercises growth
    // Backwards assembler: emit the last form first so memory order is the list order.
    const ends: number[] = new Array<number>(all.length);
    for (let i = all.length - 1; i >= 0; i--) {
      all[i]!.emit(a);
      ends[i] = a.here();
    }
    const code = a.code();
    const lines = disasm(code);
    const bad: string[] = [];
    for (let i = 0; i < all.length && bad.length < 20; i++) {
      const got = lines[i];
      const start = code.length - ends[i]!;
      if (got === undefined) bad.push(`#${i} missing: want '${all[i]!.text}'`);
      else if (got.addr !== start || got.text !== all[i]!.text) {
        bad.push(`#${i} @${start}: want '${all[i]!.text}', got '${got.text}' [${got.bytes}] @${got.addr}`);
      }
    }
    assert.deepEqual(bad, []);
    assert.equal(lines.length, all.length);
    assert.ok(all.length > 10000, `${all.length} forms`);
  });

  it('encodes branches to labels (rel8 and rel32), patched back-edges and absolute targets', () => {
    const a = new X64Asm();
    const want: ((total: number) => string)[] = [];
    // Emitted backwards: this block's memory order is: HEAD: jmp32 HEAD (patched) | jccs | nops | ret
    a.ret();
    want.unshift(() => 'ret');
    const exit = a.here();
    for (let cc = 0; cc < 16; cc++) {
      a.jcc(cc, exit); // close: rel8
      want.unshift((t) => `j${CC_NAMES[cc]} ${hexU(t - exit, 32)}`);
    }
    a.jmp(exit);
    want.unshift((t) => `jmp ${hexU(t - exit, 32)}`);
    for (let i = 0; i < 150; i++) {
      a.bytes(0x90);
      want.unshift(() => 'nop');
    }
    const rel8Size = a.size;
    for (let cc = 0; cc < 16; cc++) {
      a.jcc(cc, exit); // far: rel32
      want.unshift((t) => `j${CC_NAMES[cc]} ${hexU(t - exit, 32)}`);
    }
    a.jmp(exit);
    want.unshift((t) => `jmp ${hexU(t - exit, 32)}`);
    assert.equal(a.size - rel8Size, 16 * 6 + 5, 'far branches use rel32');
    const site = a.here();
    a.jmp32(site); // placeholder, patched below to the head of the code
    want.unshift(() => 'jmp 0x0');
    const site2 = a.here();
    a.jcc32(CC_NAMES.indexOf('ne'), site2);
    want.unshift(() => 'jne 0x0');
    a.patchRel32(site, a.here());
    a.patchRel32(site2, a.here());
    const total = a.size;
    const lines = disasm(a.code());
    assert.deepEqual(lines.map((l) => l.text), want.map((w) => w(total)));

    // Absolute targets: the code will end at END; objdump is told where it starts.
    const END = 0x7f0000001000;
    const b = new X64Asm();
    b.setEndAddress(END);
    b.ret();
    b.callAbs(END + 0x100000);
    b.jccAbs(4, END - 0x10);
    b.jmpAbs(0x7f0000000000);
    const absLines = disasm(b.code(), END - b.size);
    assert.deepEqual(absLines.map((l) => l.text), [
      `jmp ${hexU(0x7f0000000000, 64)}`, `je ${hexU(END - 0x10, 64)}`, `call ${hexU(END + 0x100000, 64)}`, 'ret',
    ]);
    assert.equal(b.reaches(END + 0x7fff0000), true);
    assert.equal(b.reaches(END + 0x100000000), false);
    assert.throws(() => b.jmpAbs(END + 0x100000000), /out of rel32 reach/);
  });

  it('lists code for -jdump', () => {
    const a = new X64Asm();
    a.ret();
    a.aluRR(ALU_ADD, RAX, RBX);
    assert.equal(listing(a.code(), 0x1000), '000000001000  48 01 d8                       add rax,rbx\n000000001003  c3                             ret');
  });

  it('movRI picks the shortest flag-preserving constant load', () => {
    const cases: [bigint, string, number][] = [
      [42n, 'mov eax,0x2a', 5], [0xffffffffn, 'mov eax,0xffffffff', 5], [-1n, 'mov rax,0xffffffffffffffff', 7],
      [-0x80000000n, 'mov rax,0xffffffff80000000', 7], [0x100000000n, 'movabs rax,0x100000000', 10],
      [-0x80000001n, 'movabs rax,0xffffffff7fffffff', 10],
    ];
    for (const [v, text, len] of cases) {
      const a = new X64Asm();
      a.movRI(RAX, v);
      assert.equal(a.size, len, text);
      assert.deepEqual(disasm(a.code()).map((l) => l.text), [text]);
    }
  });
});

describe('x64 encoder', () => {
  it('keeps labels valid while the buffer grows', () => {
    const a = new X64Asm(8);
    a.ret();
    const exit = a.here();
    for (let i = 0; i < 1000; i++) a.movRR(R8, RCX);
    a.jmp(exit);
    const code = a.code();
    assert.equal(code.length, 1 + 3000 + 5);
    assert.deepEqual([...code.subarray(0, 5)], [0xe9, 0xb8, 0x0b, 0x00, 0x00]); // rel32 = 3000
    assert.deepEqual([...code.subarray(5, 8)], [0x49, 0x89, 0xc8]); // mov r8, rcx
  });

  it('rejects operands x86-64 cannot encode', () => {
    const a = new X64Asm();
    assert.throws(() => a.load64(RAX, RBX, 0, RSP, 1), /rsp cannot be an index/);
    assert.throws(() => a.load64(RAX, RBX, 0, RCX, 3), /bad scale/);
    assert.throws(() => a.load64(RAX, RBX, 0x80000000), /does not fit 32 bits/);
    assert.throws(() => a.jmpAbs(0x1000), /setEndAddress/);
    assert.equal(a.size, 0, 'nothing emitted by a rejected instruction');
  });

  it('reads SSE4.1 support from the cpuinfo flags line', () => {
    assert.equal(parseCpuFlags('flags\t\t: fpu sse2 ssse3 sse4_1 sse4_2 popcnt\n').sse41, true);
    assert.equal(parseCpuFlags('flags\t\t: fpu sse2 ssse3\n').sse41, false);
    assert.equal(parseCpuFlags('').sse41, false);
  });
});
