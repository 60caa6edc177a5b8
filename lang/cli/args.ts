// Command-line parsing with lua.c's rules (collectargs/runargs), plus lunet's JIT flags.
// Kept free of the runtime so the rules can be tested on their own.

export const PROGNAME = 'lunet';

export type Action =
  | { kind: 'e'; chunk: string }
  | { kind: 'l'; spec: string }       // `mod` or `g=mod`
  | { kind: 'W' };

export interface JitOptions {
  enabled: boolean | null;   // null: the default for this machine
  verbose: boolean;          // -jv
  dump: boolean;             // -jdump
  hotloop: number | null;    // -Ohotloop=N
  hotexit: number | null;    // -Ohotexit=N
}

export interface ParsedArgs {
  /** Set when the command line is malformed: the offending argument (lua.c's print_usage). */
  badOption: string | null;
  version: boolean;     // -v (also implied by -i)
  interactive: boolean; // -i
  ignoreEnv: boolean;   // -E
  hasE: boolean;        // at least one -e
  /** Options to run in order before the script (-e, -l, -W). */
  actions: Action[];
  /** Index in argv of the script name, or -1 when there is none. */
  script: number;
  /** `--list FILE`: print the bytecode listing instead of running. */
  list: boolean;
  jit: JitOptions;
}

const JIT_FLAGS: Record<string, (j: JitOptions) => void> = {
  '-joff': (j) => { j.enabled = false; },
  '-jon': (j) => { j.enabled = true; },
  '-jv': (j) => { j.verbose = true; },
  '-jdump': (j) => { j.dump = true; },
};

function parseOptimise(arg: string, jit: JitOptions): boolean {
  const m = /^-O(hotloop|hotexit)=(\d+)$/.exec(arg);
  if (!m) return false;
  const n = Number(m[2]);
  if (!Number.isSafeInteger(n) || n < 1) return false;
  if (m[1] === 'hotloop') jit.hotloop = n; else jit.hotexit = n;
  return true;
}

/** `argv` excludes the program name: argv[0] is the first argument. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const r: ParsedArgs = {
    badOption: null, version: false, interactive: false, ignoreEnv: false, hasE: false,
    actions: [], script: -1, list: false,
    jit: { enabled: null, verbose: false, dump: false, hotloop: null, hotexit: null },
  };
  const fail = (i: number): ParsedArgs => { r.badOption = argv[i] ?? ''; return r; };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a[0] !== '-') { r.script = i; return r; }
    if (a === '--') { r.script = i + 1 < argv.length ? i + 1 : -1; return r; }
    if (a === '-') { r.script = i; return r; }
    if (a === '--list') { r.list = true; continue; }
    const jitFlag = JIT_FLAGS[a];
    if (jitFlag) { jitFlag(r.jit); continue; }
    if (a.startsWith('-O')) {
      if (!parseOptimise(a, r.jit)) return fail(i);
      continue;
    }
    switch (a[1]) {
      case '-':
        return fail(i);
      case 'E':
        if (a.length > 2) return fail(i);
        r.ignoreEnv = true;
        break;
      case 'W':
        if (a.length > 2) return fail(i);
        r.actions.push({ kind: 'W' });
        break;
      case 'i':
        if (a.length > 2) return fail(i);
        r.interactive = true;
        r.version = true;
        break;
      case 'v':
        if (a.length > 2) return fail(i);
        r.version = true;
        break;
      case 'e':
      case 'l': {
        let value = a.slice(2);
        if (value === '') {
          const next = argv[i + 1];
          if (next === undefined || next[0] === '-') return fail(i);
          value = next;
          i++;
        }
        if (a[1] === 'e') { r.hasE = true; r.actions.push({ kind: 'e', chunk: value }); }
        else r.actions.push({ kind: 'l', spec: value });
        break;
      }
      default:
        return fail(i);
    }
  }
  return r;
}

export function usage(badOption: string): string {
  const what = badOption[1] === 'e' || badOption[1] === 'l'
    ? `'${badOption}' needs argument`
    : `unrecognized option '${badOption}'`;
  return `${PROGNAME}: ${what}\n` +
    `usage: ${PROGNAME} [options] [script [args]]\n` +
    'Available options are:\n' +
    "  -e stat   execute string 'stat'\n" +
    "  -i        enter interactive mode after executing 'script'\n" +
    "  -l mod    require library 'mod' into global 'mod'\n" +
    "  -l g=mod  require library 'mod' into global 'g'\n" +
    '  -v        show version information\n' +
    '  -E        ignore environment variables\n' +
    '  -W        turn warnings on\n' +
    '  --        stop handling options\n' +
    '  -         stop handling options and execute stdin\n' +
    '  -joff -jon -jv -jdump   JIT off, on, verbose log, dump traces\n' +
    '  -Ohotloop=N             iterations before a loop is compiled\n' +
    '  --list    print the bytecode listing of the script instead of running it\n';
}
