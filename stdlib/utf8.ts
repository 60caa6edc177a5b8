// The utf8 library (lutf8lib.c of 5.4.4): char charpattern codes codepoint len offset, with
// the `lax` flag (accept up to 0x7FFFFFFF and surrogates) and 5.4's messages. Lua strings are
// byte strings here (one char code 0-255 per byte), so decoding reads char codes.

import type { LuaState } from '../lang/vm/state.js';
import type { HostFn } from '../lang/vm/types.js';

const MAXUNICODE = 0x10ffff;
const MAXUTF = 0x7fffffff;

/** Minimum value per count of continuation bytes (overlong check); [0] rejects a lone
 *  non-ASCII byte with no continuation. */
const LIMITS = [Infinity, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];

const iscont = (s: string, i: number): boolean => (s.charCodeAt(i) & 0xc0) === 0x80; // NaN & x == 0 past the end, like C's '\0'

// decode result (no allocation per character)
let CODE = 0;

/** Decode the sequence at byte i; returns the index after it, or -1 if invalid. The code
 *  point is left in CODE. */
function decode(s: string, i: number, strict: boolean): number {
  let c = s.charCodeAt(i) | 0;
  let res = 0;
  if (c < 0x80) res = c;
  else {
    let count = 0;
    for (; c & 0x40; c = (c << 1) & 0xff) {
      const cc = s.charCodeAt(i + ++count) | 0;
      if ((cc & 0xc0) !== 0x80) return -1;
      res = res * 64 + (cc & 0x3f);
    }
    if (count > 5) return -1;
    res += (c & 0x7f) * 2 ** (count * 5);
    if (res > MAXUTF || res < LIMITS[count]!) return -1;
    i += count;
  }
  if (strict && (res > MAXUNICODE || (res >= 0xd800 && res <= 0xdfff))) return -1;
  CODE = res;
  return i + 1;
}

/** u_posrelat: negative positions count back from the end (0 when before the start). */
function posrelat(pos: number, len: number): number {
  if (pos >= 0) return pos;
  if (-pos > len) return 0;
  return len + pos + 1;
}

const len: HostFn = (L) => {
  const s = L.checkString(1);
  const n0 = s.length;
  let posi = posrelat(L.optInteger(2, 1), n0);
  let posj = posrelat(L.optInteger(3, -1), n0);
  const lax = L.toBoolean(4);
  L.argCheck(1 <= posi && --posi <= n0, 2, 'initial position out of bounds');
  L.argCheck(--posj < n0, 3, 'final position out of bounds');
  let n = 0;
  while (posi <= posj) {
    const next = decode(s, posi, !lax);
    if (next < 0) {
      L.pushNil();
      L.pushInteger(posi + 1);
      return 2;
    }
    posi = next;
    n++;
  }
  L.pushInteger(n);
  return 1;
};

const codepoint: HostFn = (L) => {
  const s = L.checkString(1);
  const n0 = s.length;
  const posi = posrelat(L.optInteger(2, 1), n0);
  const pose = posrelat(L.optInteger(3, posi), n0);
  const lax = L.toBoolean(4);
  L.argCheck(posi >= 1, 2, 'out of bounds');
  L.argCheck(pose <= n0, 3, 'out of bounds');
  if (posi > pose) return 0;
  if (pose - posi >= 2147483647) return L.errorMsg('string slice too long');
  L.checkStack(pose - posi + 1, 'string slice too long');
  let n = 0;
  for (let i = posi - 1; i < pose;) {
    i = decode(s, i, !lax);
    if (i < 0) return L.errorMsg('invalid UTF-8 code');
    L.pushInteger(CODE);
    n++;
  }
  return n;
};

/** luaO_utf8esc: the (up to 6-byte) UTF-8 sequence of x <= 0x7FFFFFFF, as a byte string. */
function utf8esc(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const bytes: number[] = [];
  let mfb = 0x3f; // largest value that fits in the first byte
  do {
    bytes.push(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  bytes.push(((~mfb << 1) & 0xff) | x);
  bytes.reverse();
  return String.fromCharCode(...bytes);
}

function utfChar(L: LuaState, arg: number): string {
  const code = L.checkInteger(arg);
  L.argCheck(code >= 0 && code <= MAXUTF, arg, 'value out of range');
  return utf8esc(code);
}

const char: HostFn = (L, _b, n) => {
  if (n === 1) L.pushString(utfChar(L, 1));
  else {
    let out = '';
    for (let i = 1; i <= n; i++) out += utfChar(L, i);
    L.pushString(out);
  }
  return 1;
};

const offset: HostFn = (L) => {
  const s = L.checkString(1);
  const n0 = s.length;
  let n = L.checkInteger(2);
  let posi = n >= 0 ? 1 : n0 + 1;
  posi = posrelat(L.optInteger(3, posi), n0);
  L.argCheck(1 <= posi && --posi <= n0, 3, 'position out of bounds');
  if (n === 0) {
    while (posi > 0 && iscont(s, posi)) posi--;
  } else {
    if (iscont(s, posi)) return L.errorMsg('initial position is a continuation byte');
    if (n < 0) {
      while (n < 0 && posi > 0) {
        do { posi--; } while (posi > 0 && iscont(s, posi));
        n++;
      }
    } else {
      n--;
      while (n > 0 && posi < n0) {
        do { posi++; } while (iscont(s, posi));
        n--;
      }
    }
  }
  if (n === 0) L.pushInteger(posi + 1);
  else L.pushNil();
  return 1;
};

function iterAux(L: LuaState, strict: boolean): number {
  const s = L.checkString(1);
  const n0 = s.length;
  // (lua_Unsigned)lua_tointeger: a negative or non-integer control ends the loop
  const v = L.toIntegerX(2);
  let n = v === undefined ? 0 : v;
  if (n < 0) return 0;
  if (n < n0) {
    while (iscont(s, n)) n++;
  }
  if (n >= n0) return 0;
  const next = decode(s, n, strict);
  if (next < 0) return L.errorMsg('invalid UTF-8 code');
  L.pushInteger(n + 1);
  L.pushInteger(CODE);
  return 2;
}

const iterStrict: HostFn = (L) => iterAux(L, true);
const iterLax: HostFn = (L) => iterAux(L, false);

const codes: HostFn = (L) => {
  const lax = L.toBoolean(2);
  L.checkString(1);
  L.pushHostFunction(lax ? iterLax : iterStrict, 0);
  L.pushValue(1);
  L.pushInteger(0);
  return 3;
};

export function openUtf8(L: LuaState): number {
  L.newLib({ offset, codepoint, char, len, codes });
  L.pushString('[\x00-\x7F\xC2-\xFD][\x80-\xBF]*');
  L.setField(-2, 'charpattern');
  return 1;
}
