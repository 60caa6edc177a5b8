// The string table: Lua strings live on the JS side (byte strings: char codes 0-255) and the
// arena refers to them by id. Short strings are interned so that equal short strings share
// one id; long strings get a fresh id each time and compare by content. Ids are marked by
// the GC and reused after a sweep.

import { LuaMemoryError } from './errors.js';

/** Strings up to this many bytes are interned (5.4's LUAI_MAXSHORTLEN). */
export const MAX_SHORT_LEN = 40;
/** Bytes charged per string besides its characters (like sizeof(TString) + '\0'). */
export const STRING_OVERHEAD = 25;
/** The longest JS string V8 can build (String::kMaxLength on 64-bit). */
export const MAX_JS_STRING = 0x1fffffe8;

/** Content hash used for every string (table main positions must not depend on ids). */
export const FLAG_SHORT = 1;
export const FLAG_HASHED = 2;

export function hashString(s: string): number {
  const n = s.length;
  let h = (0x2545f491 ^ n) | 0;
  for (let i = n - 1; i >= 0; i--) {
    h ^= ((h << 5) + (h >>> 2) + s.charCodeAt(i)) | 0;
  }
  return h | 0;
}

export class StringTable {
  strs: (string | undefined)[] = [undefined];
  hashes = new Int32Array(1024);
  /** Per id: FLAG_SHORT (interned) | FLAG_HASHED (hashes[id] is valid; computed at interning
   *  for short strings, lazily for long ones, which seldom become table keys). */
  flags = new Uint8Array(1024);
  marks = new Uint8Array(1024);
  /** Id upper bound (ids are in [1, top)). */
  top = 1;
  private free: number[] = [];
  // The intern table of short strings: chains of ids through `chain`, heads in `buckets`
  // (indexed by hash & mask). Our own table rather than a JS Map keyed by string: the hash
  // is needed anyway for table keys, and a Map degrades under the insert/delete churn of
  // many short-lived strings (measured 3-4x slower).
  private chain = new Int32Array(1024);
  private buckets = new Int32Array(1024);
  private mask = 1023;
  private nshort = 0;
  /** Bytes charged for live strings (characters + overhead). */
  bytes = 0;

  private grow(): void {
    const n = this.hashes.length * 2;
    const h = new Int32Array(n); h.set(this.hashes); this.hashes = h;
    const d = new Uint8Array(n); d.set(this.flags); this.flags = d;
    const m = new Uint8Array(n); m.set(this.marks); this.marks = m;
    const c = new Int32Array(n); c.set(this.chain); this.chain = c;
  }

  private newId(s: string): number {
    let id: number;
    if (this.free.length > 0) id = this.free.pop()!;
    else {
      if (this.top >= this.hashes.length) this.grow();
      id = this.top++;
    }
    this.strs[id] = s;
    this.bytes += s.length + STRING_OVERHEAD;
    return id;
  }

  /** Id for `s`; `room` is how many more bytes the state may use (the caller's limit). */
  intern(s: string, room: number): number {
    const n = s.length;
    if (n <= MAX_SHORT_LEN) {
      const h = hashString(s);
      const strs = this.strs, hashes = this.hashes, chain = this.chain;
      let old = this.buckets[h & this.mask]!;
      while (old !== 0) {
        if (hashes[old] === h && strs[old] === s) return old;
        old = chain[old]!;
      }
      return this.addShort(s, h, room);
    }
    if (n + STRING_OVERHEAD > room) throw new LuaMemoryError();
    const id = this.newId(s);
    this.flags[id] = 0;
    return id;
  }

  /** Id for a + b: when the result is short, it is looked up from its parts, so a string
   *  that exists already (a word built again) costs no JS string. */
  internPair(a: string, b: string, room: number): number {
    const la = a.length, n = la + b.length;
    if (n > MAX_SHORT_LEN) return this.intern(a + b, room);
    // hashString of a + b, which runs from the last byte to the first
    let h = (0x2545f491 ^ n) | 0;
    for (let i = b.length - 1; i >= 0; i--) h ^= ((h << 5) + (h >>> 2) + b.charCodeAt(i)) | 0;
    for (let i = la - 1; i >= 0; i--) h ^= ((h << 5) + (h >>> 2) + a.charCodeAt(i)) | 0;
    const strs = this.strs, hashes = this.hashes, chain = this.chain;
    let old = this.buckets[h & this.mask]!;
    while (old !== 0) {
      if (hashes[old] === h) {
        const c = strs[old]!;
        if (c.length === n && c.startsWith(a) && c.endsWith(b)) return old;
      }
      old = chain[old]!;
    }
    return this.addShort(a + b, h, room);
  }

  /** Id for parts.join('') of length `len` (three or more parts of a concatenation): as
   *  internPair, a short result that exists already is found from its parts, without the
   *  joined JS string. */
  internParts(parts: readonly string[], len: number, room: number): number {
    if (len > MAX_SHORT_LEN) return this.intern(parts.join(''), room);
    const np = parts.length;
    // hashString of the joined string, which runs from the last byte to the first
    let h = (0x2545f491 ^ len) | 0;
    for (let k = np - 1; k >= 0; k--) {
      const p = parts[k]!;
      for (let i = p.length - 1; i >= 0; i--) h ^= ((h << 5) + (h >>> 2) + p.charCodeAt(i)) | 0;
    }
    const strs = this.strs, hashes = this.hashes, chain = this.chain;
    let old = this.buckets[h & this.mask]!;
    while (old !== 0) {
      if (hashes[old] === h) {
        const c = strs[old]!;
        if (c.length === len) {
          let off = 0, k = 0;
          for (; k < np; k++) {
            const p = parts[k]!;
            if (!c.startsWith(p, off)) break;
            off += p.length;
          }
          if (k === np) return old;
        }
      }
      old = chain[old]!;
    }
    return this.addShort(parts.join(''), h, room);
  }

  /** A new short string with content hash h (known absent from the intern table). */
  private addShort(s: string, h: number, room: number): number {
    if (s.length + STRING_OVERHEAD > room) throw new LuaMemoryError();
    const id = this.newId(s);
    // hashed now, as 5.4 does for short strings: table lookups then need no test
    this.hashes[id] = h;
    this.flags[id] = FLAG_SHORT | FLAG_HASHED;
    const b = h & this.mask;
    this.chain[id] = this.buckets[b]!;
    this.buckets[b] = id;
    if (++this.nshort > this.mask) this.rebuild(this.buckets.length * 2);
    return id;
  }

  /** Relink every live short string into `size` buckets. */
  private rebuild(size: number): void {
    if (size !== this.buckets.length) { this.buckets = new Int32Array(size); this.mask = size - 1; }
    else this.buckets.fill(0);
    const buckets = this.buckets, chain = this.chain, hashes = this.hashes, flags = this.flags;
    const mask = this.mask;
    for (let id = 1; id < this.top; id++) {
      if ((flags[id]! & FLAG_SHORT) === 0) continue;
      const b = hashes[id]! & mask;
      chain[id] = buckets[b]!;
      buckets[b] = id;
    }
  }

  hash(id: number): number {
    if ((this.flags[id] & FLAG_HASHED) !== 0) return this.hashes[id];
    const h = hashString(this.strs[id]!);
    this.hashes[id] = h;
    this.flags[id] |= FLAG_HASHED;
    return h;
  }

  isShort(id: number): boolean {
    return (this.flags[id] & FLAG_SHORT) !== 0;
  }

  eq(a: number, b: number): boolean {
    if (a === b) return true;
    const s = this.strs[a]!;
    return s.length > MAX_SHORT_LEN && s === this.strs[b];
  }

  /** Free every unmarked id and clear the marks. */
  sweep(): void {
    const strs = this.strs, marks = this.marks, flags = this.flags;
    let freedShort = 0;
    for (let id = 1; id < this.top; id++) {
      const s = strs[id];
      if (s === undefined) continue;
      if (marks[id] === 0) {
        if ((flags[id]! & FLAG_SHORT) !== 0) freedShort++;
        this.bytes -= s.length + STRING_OVERHEAD;
        strs[id] = undefined;
        flags[id] = 0;
        this.free.push(id);
      } else marks[id] = 0;
    }
    if (freedShort > 0) {
      this.nshort -= freedShort;
      this.rebuild(this.buckets.length);
    }
  }

  /** Live string count (for tests and stats). */
  count(): number {
    return this.top - 1 - this.free.length;
  }
}
