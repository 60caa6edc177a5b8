// CPU features the backend may use beyond the x86-64 baseline (SSE2). Read once from
// /proc/cpuinfo, whose "flags" line is the kernel's view of CPUID; anything unreadable counts
// as absent, so the backend falls back to baseline sequences.
import { readFileSync } from 'node:fs';

export interface CpuFeatures {
  /** roundsd (floor/ceil/trunc of doubles in one instruction). */
  sse41: boolean;
  popcnt: boolean;
  lzcnt: boolean;
  bmi2: boolean;
}

let cached: CpuFeatures | null = null;

export function parseCpuFlags(cpuinfo: string): CpuFeatures {
  const line = /^flags\s*:\s*(.*)$/m.exec(cpuinfo);
  const flags = new Set(line ? line[1]!.split(/\s+/) : []);
  return { sse41: flags.has('sse4_1'), popcnt: flags.has('popcnt'), lzcnt: flags.has('abm'), bmi2: flags.has('bmi2') };
}

export function cpuFeatures(): CpuFeatures {
  if (cached === null) {
    let text = '';
    try {
      text = readFileSync('/proc/cpuinfo', 'latin1');
    } catch {
      // not Linux or no procfs: baseline only
    }
    cached = parseCpuFlags(text);
  }
  return cached;
}
