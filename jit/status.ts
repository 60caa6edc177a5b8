// Whether the JIT can run here, without loading the JIT itself: the CLI asks before deciding
// to import jit.ts (a tenth of lunet's code), and `lunet -v` prints it.
import { nativeStatus } from '../native/addon.js';

/** Why the JIT cannot run here, or '' when it can. */
export function jitUnavailable(env: Record<string, string | undefined> = process.env): string {
  if (env.LUNET_JIT === '0') return 'LUNET_JIT=0';
  const st = nativeStatus();
  if (!st.jit) return st.reason || 'no native code support';
  return '';
}

/** Default: on where the machine supports it (the fixture modes force it either way). */
export const JIT_DEFAULT_ON = true;
