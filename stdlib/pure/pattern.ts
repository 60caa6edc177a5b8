// Lua 5.4 patterns (lstrlib.c semantics, C locale) on byte strings.
//
//   find(s, p, init = 1, plain = false): [start, end, ...captures] | null
//   match(s, p, init = 1):               captures (the whole match if the pattern has none) | null
//   new GMatch(s, p, init = 1).next():   the next captures, or null when exhausted (5.4's
//                                        'lastmatch' rule: no empty match right after a match)
//   gsub(s, p, repl, maxN?, firstOnly?): [result, count]
//       repl: a string with %0-%9 and %% (a number replacement must be converted to its string
//       by the caller first), or a callback receiving the captures; it returns the replacement
//       string, or false/null/undefined to keep the original text. The callback is the place
//       for table lookups (pass firstOnly = true: it then receives only the first capture, as
//       5.4 indexes the table with it alone) and for the 'invalid replacement value (a table)'
//       check.
//
// Positions are 1-based Lua integers given as JS numbers; `init` follows string.find (negative
// counts from the end, 0 means 1; callers clamp int64 values to +-2^53 first). A capture is a
// string, or a number for a position capture `()`. `maxN` is gsub's 4th argument (default
// #s + 1; any value <= 0 means no replacement).
//
// Errors are LuaRuntimeError with 5.4's message text and no position prefix.
//
// The matcher follows lstrlib's structure: it recurses only where lstrlib does, and that depth is
// capped by MAXCCALLS (200, 'pattern too complex'), so no subject length can exhaust the JS stack;
// repetitions ('*', '-', '+') loop instead of recursing per character.

import { LuaRuntimeError } from '../../lang/heap/errors.js';

export type Capture = string | number;

const MAXCCALLS = 200;
const MAXCAPTURES = 32;
const CAP_UNFINISHED = -1;
const CAP_POSITION = -2;

const ESC = 37; // '%'

// C-locale ctype bits, one entry per byte (bytes >= 128 have none)
const C_ALPHA = 1, C_CNTRL = 2, C_DIGIT = 4, C_GRAPH = 8, C_LOWER = 16, C_PUNCT = 32,
  C_SPACE = 64, C_UPPER = 128, C_XDIGIT = 256;
const CTYPE = new Uint16Array(256);
for (let c = 0; c < 128; c++) {
  let f = 0;
  const up = c >= 65 && c <= 90, lo = c >= 97 && c <= 122, dg = c >= 48 && c <= 57;
  if (up || lo) f |= C_ALPHA;
  if (c < 32 || c === 127) f |= C_CNTRL;
  if (dg) f |= C_DIGIT;
  if (c > 32 && c < 127) f |= C_GRAPH;
  if (lo) f |= C_LOWER;
  if (c > 32 && c < 127 && !(up || lo || dg)) f |= C_PUNCT;
  if (c === 32 || (c >= 9 && c <= 13)) f |= C_SPACE;
  if (up) f |= C_UPPER;
  if (dg || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) f |= C_XDIGIT;
  CTYPE[c] = f;
}
// class letter (lower case) -> ctype bit; 'w' is alpha|digit, 'z' is handled apart
const CLASSBIT = new Uint16Array(128);
CLASSBIT[97] = C_ALPHA; CLASSBIT[99] = C_CNTRL; CLASSBIT[100] = C_DIGIT; CLASSBIT[103] = C_GRAPH;
CLASSBIT[108] = C_LOWER; CLASSBIT[112] = C_PUNCT; CLASSBIT[115] = C_SPACE; CLASSBIT[117] = C_UPPER;
CLASSBIT[119] = C_ALPHA | C_DIGIT; CLASSBIT[120] = C_XDIGIT;

/** Does byte c match the class letter cl (the char after '%')? */
function matchClass(c: number, cl: number): boolean {
  const low = cl >= 65 && cl <= 90 ? cl + 32 : cl;
  let res: boolean;
  if (low === 122) res = c === 0; // %z, deprecated
  else {
    const bit = low < 128 ? CLASSBIT[low]! : 0;
    if (bit === 0) return cl === c;
    res = (CTYPE[c]! & bit) !== 0;
  }
  return cl >= 97 && cl <= 122 ? res : !res;
}

// 256-entry membership tables per class letter (built on first use): one load per subject
// byte instead of the ctype tests, in the loops that expand repetitions.
const CLASS_TABLES: (Uint8Array | undefined)[] = new Array(256).fill(undefined);

function classTable(cl: number): Uint8Array {
  let tbl = CLASS_TABLES[cl];
  if (tbl === undefined) {
    tbl = new Uint8Array(256);
    for (let c = 0; c < 256; c++) tbl[c] = matchClass(c, cl) ? 1 : 0;
    CLASS_TABLES[cl] = tbl;
  }
  return tbl;
}

function isQuantifier(c: number): boolean {
  return c === 42 || c === 43 || c === 45 || c === 63;
}

/** [set] test on pattern pat; p at '[', ec at the closing ']'. */
function inBracket(pat: string, c: number, p: number, ec: number): boolean {
  let sig = true;
  if (pat.charCodeAt(p + 1) === 94) { sig = false; p++; }
  while (++p < ec) {
    const pc = pat.charCodeAt(p);
    if (pc === ESC) {
      p++;
      if (matchClass(c, pat.charCodeAt(p))) return sig;
    } else if (pat.charCodeAt(p + 1) === 45 && p + 2 < ec) {
      p += 2;
      if (pc <= c && c <= pat.charCodeAt(p)) return sig;
    } else if (pc === c) return sig;
  }
  return !sig;
}

/** State of one match attempt; reused across attempts of one call. */
class MatchState {
  src: string;
  srcEnd: number;
  pat: string;
  pEnd: number;
  depth = MAXCCALLS;
  level = 0;
  capInit = new Int32Array(MAXCAPTURES);
  capLen = new Int32Array(MAXCAPTURES);
  /** Membership tables of the pattern's [sets] by position of their '[' (see bracketTables). */
  sets: BracketTables | null = null;

  constructor(s: string, p: string) {
    this.src = s;
    this.srcEnd = s.length;
    this.pat = p;
    this.pEnd = p.length;
  }

  init(s: string, p: string): this {
    this.src = s;
    this.srcEnd = s.length;
    this.pat = p;
    this.pEnd = p.length;
    this.sets = null;
    return this;
  }

  /** Prepare for a new attempt (an error may have left depth short). */
  reset(): void {
    this.level = 0;
    this.depth = MAXCCALLS;
  }

  /** Index just past the single-char class starting at p. */
  classEnd(p: number): number {
    const pat = this.pat;
    const c = pat.charCodeAt(p++);
    if (c === ESC) {
      if (p >= this.pEnd) throw new LuaRuntimeError("malformed pattern (ends with '%')");
      return p + 1;
    }
    if (c === 91) { // '['
      if (pat.charCodeAt(p) === 94) p++;
      do {
        if (p >= this.pEnd) throw new LuaRuntimeError("malformed pattern (missing ']')");
        const cc = pat.charCodeAt(p++);
        if (cc === ESC && p < this.pEnd) p++;
      } while (pat.charCodeAt(p) !== 93);
      return p + 1;
    }
    return p;
  }

  /** [set] test; p at '[', ec at the closing ']'. */
  bracketClass(c: number, p: number, ec: number): boolean {
    return inBracket(this.pat, c, p, ec);
  }

  /** The 256-entry membership table of the [set] at p..ec, or null when it is not worth
   *  building yet: unless `now` (a repetition about to test many bytes), on its first use with
   *  this pattern, as a set tested once is cheaper to walk than to tabulate. */
  bracketTable(p: number, ec: number, now: boolean): Uint8Array | null {
    const sets = this.sets ??= bracketTables(this.pat);
    const t = sets[p];
    if (t !== undefined && t !== SEEN_ONCE) return t;
    if (!now && t === undefined) { sets[p] = SEEN_ONCE; return null; }
    const tbl = new Uint8Array(256);
    for (let b = 0; b < 256; b++) tbl[b] = inBracket(this.pat, b, p, ec) ? 1 : 0;
    sets[p] = tbl;
    return tbl;
  }

  singleMatch(s: number, p: number, ep: number): boolean {
    if (s >= this.srcEnd) return false;
    const c = this.src.charCodeAt(s);
    const pc = this.pat.charCodeAt(p);
    switch (pc) {
      case 46: return true; // '.'
      case ESC: return classTable(this.pat.charCodeAt(p + 1))[c] === 1;
      case 91: {
        const tbl = this.bracketTable(p, ep - 1, false);
        return tbl !== null ? tbl[c] === 1 : this.bracketClass(c, p, ep - 1);
      }
      default: return pc === c;
    }
  }

  matchBalance(s: number, p: number): number {
    if (p >= this.pEnd - 1) throw new LuaRuntimeError("malformed pattern (missing arguments to '%b')");
    const src = this.src;
    if (s >= this.srcEnd || src.charCodeAt(s) !== this.pat.charCodeAt(p)) return -1;
    const b = this.pat.charCodeAt(p), e = this.pat.charCodeAt(p + 1);
    let cont = 1;
    while (++s < this.srcEnd) {
      const c = src.charCodeAt(s);
      if (c === e) {
        if (--cont === 0) return s + 1;
      } else if (c === b) cont++;
    }
    return -1;
  }

  maxExpand(s: number, p: number, ep: number): number {
    // count the repetitions with a loop specialised to the item's kind
    const src = this.src;
    const avail = this.srcEnd - s;
    const pc = this.pat.charCodeAt(p);
    let i = 0;
    if (pc === 46) i = avail > 0 ? avail : 0;
    else if (pc === ESC) {
      const tbl = classTable(this.pat.charCodeAt(p + 1));
      while (i < avail && tbl[src.charCodeAt(s + i)] === 1) i++;
    } else if (pc === 91) {
      const tbl = this.bracketTable(p, ep - 1, true)!;
      while (i < avail && tbl[src.charCodeAt(s + i)] === 1) i++;
    } else {
      while (i < avail && src.charCodeAt(s + i) === pc) i++;
    }
    while (i >= 0) {
      const res = this.match(s + i, ep + 1);
      if (res !== -1) return res;
      i--;
    }
    return -1;
  }

  minExpand(s: number, p: number, ep: number): number {
    const pc = this.pat.charCodeAt(p);
    const next = this.pat.charCodeAt(ep + 1);
    // when the rest of the pattern starts with a plain character, positions where the subject
    // does not have it cannot match: test it here instead of entering match() for each one
    const quick = ep + 1 < this.pEnd && next !== ESC && next !== 91 && next !== 40 && next !== 41 &&
      next !== 46 && !(next === 36 && ep + 2 === this.pEnd) && !isQuantifier(this.pat.charCodeAt(ep + 2));
    for (;;) {
      if (!quick || (s < this.srcEnd && this.src.charCodeAt(s) === next)) {
        const res = this.match(s, ep + 1);
        if (res !== -1) return res;
      } else if (this.depth === 0) {
        // the skipped call would have hit the depth limit on entry
        throw new LuaRuntimeError('pattern too complex');
      }
      if (pc === 46 ? s < this.srcEnd : this.singleMatch(s, p, ep)) s++;
      else return -1;
    }
  }

  startCapture(s: number, p: number, what: number): number {
    const level = this.level;
    if (level >= MAXCAPTURES) throw new LuaRuntimeError('too many captures');
    this.capInit[level] = s;
    this.capLen[level] = what;
    this.level = level + 1;
    const res = this.match(s, p);
    if (res === -1) this.level--;
    return res;
  }

  endCapture(s: number, p: number): number {
    let l = this.level - 1;
    while (l >= 0 && this.capLen[l] !== CAP_UNFINISHED) l--;
    if (l < 0) throw new LuaRuntimeError('invalid pattern capture');
    this.capLen[l] = s - this.capInit[l]!;
    const res = this.match(s, p);
    if (res === -1) this.capLen[l] = CAP_UNFINISHED;
    return res;
  }

  matchCapture(s: number, lc: number): number {
    const l = lc - 49; // '1'
    if (l < 0 || l >= this.level || this.capLen[l] === CAP_UNFINISHED) {
      throw new LuaRuntimeError(`invalid capture index %${l + 1}`);
    }
    const len = this.capLen[l]!;
    const init = this.capInit[l]!;
    // a position capture's length (CAP_POSITION) is huge as lstrlib's size_t: never matches
    if (len < 0 || this.srcEnd - s < len) return -1;
    const src = this.src;
    for (let k = 0; k < len; k++) {
      if (src.charCodeAt(init + k) !== src.charCodeAt(s + k)) return -1;
    }
    return s + len;
  }

  /** lstrlib's match(): end index of a match of pat[p..] at s, or -1. */
  match(s: number, p: number): number {
    if (this.depth-- === 0) throw new LuaRuntimeError('pattern too complex');
    const pat = this.pat;
    const pEnd = this.pEnd;
    // the loop stands for lstrlib's tail-call gotos
    for (;;) {
      if (p === pEnd) break;
      const pc = pat.charCodeAt(p);
      if (pc === 40) { // '('
        if (pat.charCodeAt(p + 1) === 41) s = this.startCapture(s, p + 2, CAP_POSITION);
        else s = this.startCapture(s, p + 1, CAP_UNFINISHED);
        break;
      }
      if (pc === 41) { // ')'
        s = this.endCapture(s, p + 1);
        break;
      }
      if (pc === 36 && p + 1 === pEnd) { // '$' at the end
        if (s !== this.srcEnd) s = -1;
        break;
      }
      if (pc === ESC) {
        const nc = pat.charCodeAt(p + 1);
        if (nc === 98) { // %b
          s = this.matchBalance(s, p + 2);
          if (s !== -1) { p += 4; continue; }
          break;
        }
        if (nc === 102) { // %f
          p += 2;
          if (pat.charCodeAt(p) !== 91) throw new LuaRuntimeError("missing '[' after '%f' in pattern");
          const ep = this.classEnd(p);
          const prev = s === 0 ? 0 : this.src.charCodeAt(s - 1);
          const cur = s < this.srcEnd ? this.src.charCodeAt(s) : 0;
          if (!this.bracketClass(prev, p, ep - 1) && this.bracketClass(cur, p, ep - 1)) {
            p = ep; continue;
          }
          s = -1;
          break;
        }
        if (nc >= 48 && nc <= 57) { // %0-%9 back reference
          s = this.matchCapture(s, nc);
          if (s !== -1) { p += 2; continue; }
          break;
        }
      }
      // single char class plus optional suffix
      let ep: number;
      let hit: boolean;
      if (pc !== ESC && pc !== 91) {
        // a plain character or '.': no class to parse
        ep = p + 1;
        hit = s < this.srcEnd && (pc === 46 || this.src.charCodeAt(s) === pc);
      } else {
        ep = this.classEnd(p);
        hit = this.singleMatch(s, p, ep);
      }
      const sc = pat.charCodeAt(ep);
      if (!hit) {
        if (sc === 42 || sc === 63 || sc === 45) { p = ep + 1; continue; } // '*' '?' '-'
        s = -1;
        break;
      }
      if (sc === 63) { // '?'
        const res = this.match(s + 1, ep + 1);
        if (res !== -1) { s = res; break; }
        p = ep + 1; continue;
      }
      if (sc === 43) { s = this.maxExpand(s + 1, p, ep); break; } // '+'
      if (sc === 42) { s = this.maxExpand(s, p, ep); break; } // '*'
      if (sc === 45) { s = this.minExpand(s, p, ep); break; } // '-'
      s++; p = ep;
    }
    this.depth++;
    return s;
  }

  /** One capture (i-th, or the whole match s..e when there are none and i is 0). */
  capture(i: number, s: number, e: number): Capture {
    if (i >= this.level) {
      if (i !== 0) throw new LuaRuntimeError(`invalid capture index %${i + 1}`);
      return this.src.slice(s, e);
    }
    const l = this.capLen[i]!;
    const init = this.capInit[i]!;
    if (l === CAP_UNFINISHED) throw new LuaRuntimeError('unfinished capture');
    if (l === CAP_POSITION) return init + 1;
    return this.src.slice(init, init + l);
  }

  /** All captures; with wholeIfNone the whole match when the pattern has none. */
  captures(s: number, e: number, wholeIfNone: boolean, out: Capture[]): Capture[] {
    const n = this.level === 0 && wholeIfNone ? 1 : this.level;
    for (let i = 0; i < n; i++) out.push(this.capture(i, s, e));
    return out;
  }
}

// Tables of [sets] per pattern, shared by every call with that pattern (gsub and gmatch in
// a loop reuse the same few patterns), indexed by the position of the '[' (SEEN_ONCE: used
// once, not tabulated yet). A bounded cache, cleared when full.
type BracketTables = (Uint8Array | undefined)[];
const SEEN_ONCE = new Uint8Array(0);
const BRACKET_TABLES = new Map<string, BracketTables>();

function bracketTables(pat: string): BracketTables {
  let t = BRACKET_TABLES.get(pat);
  if (t === undefined) {
    if (BRACKET_TABLES.size >= 64) BRACKET_TABLES.clear();
    t = new Array<Uint8Array | undefined>(pat.length).fill(undefined);
    BRACKET_TABLES.set(pat, t);
  }
  return t;
}

// A few spare states save the typed-array allocations of a call; nested calls (a gsub callback
// that runs string.find) take the next one, and gmatch iterators give theirs back when done.
const pool: MatchState[] = [];

function acquire(s: string, p: string): MatchState {
  const ms = pool.pop();
  return ms === undefined ? new MatchState(s, p) : ms.init(s, p);
}

function release(ms: MatchState): void {
  ms.src = ms.pat = '';
  if (pool.length < 8) pool.push(ms);
}

/** The char code every match must start with (a plain first character that no '*', '?' or
 *  '-' makes optional), or -1. Start positions without it fail at once in lstrlib too, before
 *  any later part of the pattern is looked at, so skipping them changes nothing observable. */
function firstLiteral(p: string): number {
  if (p.length === 0) return -1;
  const c = p.charCodeAt(0);
  switch (c) {
    case 94: case 36: case 42: case 43: case 63: case 46: case 40: case 41: case 91: case 37: case 45:
      return -1;
  }
  const q = p.charCodeAt(1);
  if (q === 42 || q === 63 || q === 45) return -1;
  return c;
}

/** The bytes a match of p (no '^') can start with, as a 256-entry membership table, when
 *  p begins (after at most MAXCAPTURES plain '(') with a single-char class that must match at
 *  least once; else null. At any other start lstrlib's match() fails on that first item before
 *  it looks at the rest of the pattern (a malformed rest included), so the callers skip those
 *  starts without changing any result or error. Cached per pattern: the table costs 256 tests. */
function firstSet(p: string): Uint8Array | null {
  let set = FIRST_SETS.get(p);
  if (set === undefined) {
    set = buildFirstSet(p);
    if (FIRST_SETS.size >= 64) FIRST_SETS.clear();
    FIRST_SETS.set(p, set);
  }
  return set;
}

const FIRST_SETS = new Map<string, Uint8Array | null>();

function buildFirstSet(p: string): Uint8Array | null {
  const n = p.length;
  let i = 0;
  while (i < n && i < MAXCAPTURES && p.charCodeAt(i) === 40 && p.charCodeAt(i + 1) !== 41) i++;
  if (i >= n) return null;
  const c = p.charCodeAt(i);
  // '.', ')', '$' and plain characters: none worth a table (plain ones use firstLiteral)
  if (c !== ESC && c !== 91) return null;
  const item = classItem(p, i);
  if (item === null) return null;
  const { set, end: ep } = item;
  const q = p.charCodeAt(ep);
  if (q === 42 || q === 63 || q === 45) return null; // '*' '?' '-': the item may be skipped
  return set;
}

/** The byte set of the class item at p[i] ('%x' or '[set]') and the index after it; null for
 *  %b, %f and back-references, and where lstrlib's classEnd would raise 'malformed pattern'. */
function classItem(p: string, i: number): { set: Uint8Array; end: number } | null {
  const n = p.length;
  if (p.charCodeAt(i) === ESC) {
    if (i + 1 >= n) return null;
    const cl = p.charCodeAt(i + 1);
    if (cl === 98 || cl === 102 || (cl >= 48 && cl <= 57)) return null; // %b %f %0-%9
    return { set: classTable(cl), end: i + 2 };
  }
  let q = i + 1;
  if (p.charCodeAt(q) === 94) q++;
  do {
    if (q >= n) return null;
    const cc = p.charCodeAt(q++);
    if (cc === ESC && q < n) q++;
  } while (p.charCodeAt(q) !== 93);
  const set = new Uint8Array(256);
  for (let b = 0; b < 256; b++) set[b] = inBracket(p, b, i, q) ? 1 : 0;
  return { set, end: q + 1 };
}

/** string.find/match's init argument to a 0-based start (may exceed the length). */
function startIndex(init: number, len: number): number {
  if (init > 0) return init - 1;
  if (init === 0 || init < -len) return 0;
  return len + init;
}

/** True when p has none of the characters that make a pattern special. */
function noSpecials(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    switch (p.charCodeAt(i)) {
      case 94: case 36: case 42: case 43: case 63: case 46: case 40: case 91: case 37: case 45:
        return false;
    }
  }
  return true;
}

// ---- patterns as JS regular expressions ----------------------------------------------------
// Most patterns in real code are a sequence of single-char classes with '*', '+', '-', '?',
// plain captures and a final '$'. For those lstrlib's backtracking search and a JS RegExp's
// explore the same candidates in the same order (greedy longest first, '-' shortest first,
// '?' with the item first; no alternation, no quantified groups), so the first match found
// and its captures are the same, and V8 runs the RegExp as compiled code. Every class is
// written out as its exact byte set (built with the matcher's own class tests). Anything
// else (%b, %f, back-references, position captures, malformed patterns, whose errors lstrlib
// raises only when the matcher reaches them, and patterns long enough to reach the matcher's
// depth limit) returns null and goes to the matcher.

/** Longest pattern translated: lstrlib's recursion depth stays below MAXCCALLS. */
const RX_MAXLEN = 150;

function hexByte(c: number): string {
  return (c < 16 ? '\\x0' : '\\x') + c.toString(16);
}

/** A 256-entry membership table as a RegExp class. */
function classSource(tbl: Uint8Array): string {
  let out = '', n = 0, single = 0;
  for (let c = 0; c < 256; c++) {
    if (tbl[c] !== 1) continue;
    let d = c;
    while (d < 255 && tbl[d + 1] === 1) d++;
    n += d - c + 1;
    single = c;
    out += d === c ? hexByte(c) : d === c + 1 ? hexByte(c) + hexByte(d) : hexByte(c) + '-' + hexByte(d);
    c = d;
  }
  if (n === 256) return '[^]';
  if (n === 1) return hexByte(single);
  return '[' + out + ']';
}

/** Pattern p (its leading '^' already removed when `anchored`) as a RegExp (sticky when
 *  anchored, global otherwise: both search from lastIndex), or null. */
function toRegExp(p: string, anchored: boolean): { re: RegExp; ncap: number } | null {
  const n = p.length;
  if (n > RX_MAXLEN) return null;
  let out = '';
  let open = 0, ncap = 0;
  let i = 0;
  while (i < n) {
    const c = p.charCodeAt(i);
    if (c === 40) { // '('
      if (p.charCodeAt(i + 1) === 41 || ++ncap > MAXCAPTURES) return null;
      open++; out += '('; i++;
      continue;
    }
    if (c === 41) { // ')'
      if (open === 0) return null;
      open--; out += ')'; i++;
      continue;
    }
    if (c === 36 && i + 1 === n) { out += '$'; i++; continue; } // '$' at the end
    let item: string;
    let ep: number;
    if (c === ESC || c === 91) { // '%x' or '[set]'
      const ci = classItem(p, i);
      if (ci === null) return null;
      item = classSource(ci.set);
      ep = ci.end;
    } else {
      item = c === 46 ? '[^]' : hexByte(c);
      ep = i + 1;
    }
    const sc = p.charCodeAt(ep);
    if (sc === 42) { item += '*'; ep++; } // '*'
    else if (sc === 43) { item += '+'; ep++; } // '+'
    else if (sc === 45) { item += '*?'; ep++; } // '-'
    else if (sc === 63) { item += '?'; ep++; } // '?'
    out += item;
    i = ep;
  }
  if (open !== 0) return null;
  return { re: new RegExp(out, anchored ? 'y' : 'g'), ncap };
}

type Rx = { re: RegExp; ncap: number } | null;
const RX_FREE = new Map<string, Rx>();
const RX_ANCHORED = new Map<string, Rx>();

/** The cached translation of p (see toRegExp). Callers set lastIndex before each exec: a
 *  nested call (a gsub callback running string.find with the same pattern) may move it. */
function regExpFor(p: string, anchored: boolean): Rx {
  const cache = anchored ? RX_ANCHORED : RX_FREE;
  let r = cache.get(p);
  if (r === undefined) {
    r = toRegExp(p, anchored);
    if (cache.size >= 64) cache.clear();
    cache.set(p, r);
  }
  return r;
}

/** The captures of a RegExp match as the matcher gives them (the whole match when none). */
function rxCaptures(m: RegExpExecArray, ncap: number): Capture[] {
  if (ncap === 0) return [m[0]];
  const out: Capture[] = new Array(ncap);
  for (let k = 0; k < ncap; k++) out[k] = m[k + 1]!;
  return out;
}

function findAux(s: string, p: string, init: number, plain: boolean, find: boolean): Capture[] | null {
  const ls = s.length;
  const start = startIndex(init, ls);
  if (start > ls) return null;
  if (find && (plain || noSpecials(p))) {
    const at = s.indexOf(p, start);
    return at < 0 ? null : [at + 1, at + p.length];
  }
  const anchor = p.charCodeAt(0) === 94;
  if (anchor) p = p.slice(1);
  const rx = regExpFor(p, anchor);
  if (rx !== null) {
    const re = rx.re;
    re.lastIndex = start;
    const m = re.exec(s);
    if (m === null) return null;
    if (!find) return rxCaptures(m, rx.ncap);
    const r: Capture[] = [m.index + 1, m.index + m[0].length];
    for (let k = 1; k <= rx.ncap; k++) r.push(m[k]!);
    return r;
  }
  const lit = anchor ? -1 : firstLiteral(p);
  const ch = lit >= 0 ? String.fromCharCode(lit) : '';
  const set = anchor || lit >= 0 ? null : firstSet(p);
  const ms = acquire(s, p);
  let s1 = start;
  for (;;) {
    if (lit >= 0) {
      const at = s.indexOf(ch, s1);
      if (at < 0) break;
      s1 = at;
    } else if (set !== null) {
      while (s1 < ls && set[s.charCodeAt(s1)] === 0) s1++;
      if (s1 >= ls) break;
    }
    ms.reset();
    const e = ms.match(s1, 0);
    if (e !== -1) {
      const r = find ? ms.captures(0, 0, false, [s1 + 1, e]) : ms.captures(s1, e, true, []);
      release(ms);
      return r;
    }
    if (!(s1++ < ls && !anchor)) break;
  }
  release(ms);
  return null;
}

/** string.find: [start, end, ...captures] or null. */
export function find(s: string, p: string, init = 1, plain = false): Capture[] | null {
  return findAux(s, p, init, plain, true);
}

/** string.match: the captures, or null. */
export function match(s: string, p: string, init = 1): Capture[] | null {
  return findAux(s, p, init, false, false);
}

/** string.gmatch's iterator state; call next() until it returns null. */
export class GMatch {
  /** null once exhausted: the state then went back to the pool. */
  private ms: MatchState | null;
  private pos: number;
  private lastMatch = -1;
  private lit: number;
  private ch: string;
  private set: Uint8Array | null;
  /** The pattern as a RegExp (then no matcher state is taken), or null. */
  private rx: Rx;
  /** The subject while a RegExp iteration goes on; null once exhausted. */
  private subj: string | null;

  constructor(s: string, p: string, init = 1) {
    const ls = s.length;
    let start = startIndex(init, ls);
    if (start > ls) start = ls + 1;
    this.pos = start;
    // '^' is no anchor in gmatch: the pattern is translated as it is
    this.rx = regExpFor(p, false);
    this.subj = s;
    this.ms = this.rx === null ? acquire(s, p) : null;
    this.lit = firstLiteral(p);
    this.ch = this.lit >= 0 ? String.fromCharCode(this.lit) : '';
    this.set = this.lit >= 0 ? null : firstSet(p);
  }

  next(): Capture[] | null {
    if (this.rx !== null) return this.nextRx(this.rx);
    const ms = this.ms;
    if (ms === null) return null;
    const end = ms.srcEnd, set = this.set;
    for (let src = this.pos; src <= end; src++) {
      if (this.lit >= 0) {
        const at = ms.src.indexOf(this.ch, src);
        if (at < 0) break;
        src = at;
      } else if (set !== null) {
        const subj = ms.src;
        while (src < end && set[subj.charCodeAt(src)] === 0) src++;
        if (src >= end) break;
      }
      ms.reset();
      const e = ms.match(src, 0);
      if (e !== -1 && e !== this.lastMatch) {
        this.pos = this.lastMatch = e;
        return ms.captures(src, e, true, []);
      }
    }
    this.pos = end + 1;
    this.ms = null;
    release(ms);
    return null;
  }

  private nextRx(rx: NonNullable<Rx>): Capture[] | null {
    const subj = this.subj;
    if (subj === null) return null;
    const re = rx.re;
    while (this.pos <= subj.length) {
      re.lastIndex = this.pos;
      const m = re.exec(subj);
      if (m === null) break;
      const e = m.index + m[0].length;
      // an empty match where the last one ended: lstrlib moves on one position
      if (e === this.lastMatch) { this.pos = m.index + 1; continue; }
      this.pos = this.lastMatch = e;
      return rxCaptures(m, rx.ncap);
    }
    this.subj = null;
    return null;
  }
}

export type GsubCallback = (caps: Capture[]) => string | false | null | undefined;

/** A replacement string cut into literal pieces and capture references, parsed once per gsub.
 *  refs[i] is -1 for a literal (lits[i]), 0 for %0, k for %k; a bad '%' is remembered and
 *  reported at the first match, as lstrlib does. */
class Replacement {
  lits: string[] = [];
  refs: number[] = [];
  bad = false;
  constructor(repl: string) {
    let from = 0;
    let at: number;
    while ((at = repl.indexOf('%', from)) >= 0) {
      if (at > from) { this.lits.push(repl.slice(from, at)); this.refs.push(-1); }
      const c = repl.charCodeAt(at + 1);
      if (c === ESC) { this.lits.push('%'); this.refs.push(-1); }
      else if (c >= 48 && c <= 57) { this.lits.push(''); this.refs.push(c - 48); }
      else { this.bad = true; break; }
      from = at + 2;
    }
    if (!this.bad && from < repl.length) { this.lits.push(from === 0 ? repl : repl.slice(from)); this.refs.push(-1); }
  }

  expand(ms: MatchState, s: number, e: number): string {
    const refs = this.refs;
    let out = '';
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i]!;
      if (r < 0) out += this.lits[i]!;
      else if (r === 0) out += ms.src.slice(s, e);
      else {
        const cap = ms.capture(r - 1, s, e);
        out += typeof cap === 'number' ? String(cap) : cap;
      }
    }
    if (this.bad) throw new LuaRuntimeError("invalid use of '%' in replacement string");
    return out;
  }

  /** expand() for a RegExp match with ncap captures. */
  expandRx(m: RegExpExecArray, ncap: number): string {
    const refs = this.refs;
    let out = '';
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i]!;
      if (r < 0) out += this.lits[i]!;
      else if (r === 0 || (r === 1 && ncap === 0)) out += m[0];
      else if (r <= ncap) out += m[r]!;
      else throw new LuaRuntimeError(`invalid capture index %${r}`);
    }
    if (this.bad) throw new LuaRuntimeError("invalid use of '%' in replacement string");
    return out;
  }
}

// Parsed replacement strings by text (gsub in a loop passes the same few).
const REPLACEMENTS = new Map<string, Replacement>();

function replacementFor(repl: string): Replacement {
  let r = REPLACEMENTS.get(repl);
  if (r === undefined) {
    r = new Replacement(repl);
    if (REPLACEMENTS.size >= 64) REPLACEMENTS.clear();
    REPLACEMENTS.set(repl, r);
  }
  return r;
}

/** gsub through the pattern's RegExp; the loop is lstrlib's, with the positions where no
 *  match starts skipped by the RegExp search. */
function gsubRx(s: string, rx: NonNullable<Rx>, repl: string | GsubCallback, maxS: number,
  firstOnly: boolean, anchor: boolean): [string, number] {
  const srcl = s.length, re = rx.re, ncap = rx.ncap;
  const rs = typeof repl === 'string' ? replacementFor(repl) : null;
  let out = '';
  let src = 0;
  let copied = 0; // s[copied..) not yet in out
  let lastMatch = -1;
  let n = 0;
  let changed = false;
  while (n < maxS) {
    re.lastIndex = src;
    const m = re.exec(s);
    if (m === null) break;
    const st = m.index, e = st + m[0].length;
    if (e === lastMatch) {
      // an empty match where the last one ended: lstrlib copies one character and goes on
      if (st >= srcl) break;
      src = st + 1;
      continue;
    }
    n++;
    let r: string | false | null | undefined;
    if (rs !== null) r = rs.expandRx(m, ncap);
    else r = (repl as GsubCallback)(firstOnly ? [ncap === 0 ? m[0] : m[1]!] : rxCaptures(m, ncap));
    if (r !== false && r !== null && r !== undefined) {
      if (st > copied) out += s.slice(copied, st);
      out += r;
      copied = e;
      changed = true;
    }
    src = lastMatch = e;
    if (anchor) break;
  }
  if (!changed) return [s, n];
  if (copied < srcl) out += s.slice(copied);
  return [out, n];
}

/** string.gsub: the new string and the number of matches replaced. */
export function gsub(s: string, p: string, repl: string | GsubCallback, maxN?: number,
  firstOnly = false): [string, number] {
  const srcl = s.length;
  const maxS = maxN === undefined ? srcl + 1 : maxN;
  const anchor = p.charCodeAt(0) === 94;
  if (anchor) p = p.slice(1);
  const rx = regExpFor(p, anchor);
  if (rx !== null) return gsubRx(s, rx, repl, maxS, firstOnly, anchor);
  const lit = anchor ? -1 : firstLiteral(p);
  const ch = lit >= 0 ? String.fromCharCode(lit) : '';
  const set = anchor || lit >= 0 ? null : firstSet(p);
  const ms = acquire(s, p);
  const rs = typeof repl === 'string' ? replacementFor(repl) : null;
  let out = '';
  let src = 0;
  let copied = 0; // s[copied..src) is pending unchanged text
  let lastMatch = -1;
  let n = 0;
  let changed = false;
  while (n < maxS) {
    ms.reset();
    const e = ms.match(src, 0);
    if (e !== -1 && e !== lastMatch) {
      n++;
      if (rs !== null) {
        const r = rs.expand(ms, src, e);
        if (src > copied) out += s.slice(copied, src);
        out += r;
        copied = e;
        changed = true;
      } else {
        const caps = firstOnly ? [ms.capture(0, src, e)] : ms.captures(src, e, true, []);
        const r = (repl as GsubCallback)(caps);
        if (r !== false && r !== null && r !== undefined) {
          if (src > copied) out += s.slice(copied, src);
          out += r;
          copied = e;
          changed = true;
        }
      }
      src = lastMatch = e;
    } else if (src < srcl) {
      src++;
      if (lit >= 0) {
        // no match can start before the next occurrence of the first character
        const at = s.indexOf(ch, src);
        src = at < 0 ? srcl : at;
      } else if (set !== null) {
        while (src < srcl && set[s.charCodeAt(src)] === 0) src++;
      }
    } else break;
    if (anchor) break;
  }
  release(ms);
  if (!changed) return [s, n];
  if (copied < srcl) out += s.slice(copied);
  return [out, n];
}
