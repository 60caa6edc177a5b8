// What Lua tables, functions, threads and userdata look like in JS: handles that keep the
// Lua object alive (a registry reference) until they are released or collected by V8.
import type { Bridge } from './bridge.js';

/** A reference slot in the state's registry table. */
export interface RefSlot {
  id: number;
  /** arena ref of the object (the key of the one-handle-per-object map) */
  obj: number;
  released: boolean;
  owner: WeakRef<object> | null;
}

/** A Lua value JS holds by reference: a thread or a userdata (tables are LuaTable, functions
 *  LuaFunction). Valid until release() or the state's close(). */
export class LuaRef {
  /** @internal */
  constructor(readonly bridge: Bridge, readonly slot: RefSlot, readonly type: 'table' | 'thread' | 'userdata') {}

  /** Let Lua collect the value now rather than when this handle is garbage collected. */
  release(): void {
    this.bridge.unregister(this);
    this.bridge.dropSlot(this.slot);
  }

  get released(): boolean { return this.slot.released; }

  /** console.log shows the kind of value, not the machinery behind it. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `[Lua ${this.type}${this.slot.released ? ' (released)' : ''}]`;
  }
}

/** A Lua table. get/set go through metamethods (__index, __newindex) as `t[k]` does in Lua;
 *  entries() is a raw walk (as `next`). */
export class LuaTable extends LuaRef {
  /** @internal */
  constructor(bridge: Bridge, slot: RefSlot) { super(bridge, slot, 'table'); }

  /** `t[key]` */
  get(key: unknown): unknown {
    const b = this.bridge;
    b.checkSlot(this.slot, 'table');
    return b.protect(() => {
      b.pushSlot(this.slot.id);
      b.push(key);
      b.L.getTable(-2);
      return b.toJS(-1);
    });
  }

  /** `t[key] = value` */
  set(key: unknown, value: unknown): void {
    const b = this.bridge;
    b.checkSlot(this.slot, 'table');
    b.protect(() => {
      b.pushSlot(this.slot.id);
      b.push(key);
      b.push(value);
      b.L.setTable(-3);
    });
  }

  /** `#t` (calls __len). */
  length(): unknown {
    const b = this.bridge;
    b.checkSlot(this.slot, 'table');
    return b.protect(() => {
      b.pushSlot(this.slot.id);
      b.L.len(-1);
      return b.toJS(-1);
    });
  }

  /** All [key, value] pairs, in `next` order (array part, then hash part). */
  entries(): [unknown, unknown][] {
    const b = this.bridge;
    b.checkSlot(this.slot, 'table');
    return b.protect(() => {
      const L = b.L;
      b.pushSlot(this.slot.id);
      const t = L.gettop();
      const out: [unknown, unknown][] = [];
      L.pushNil();
      while (L.next(t)) {
        out.push([b.toJS(-2), b.toJS(-1)]);
        L.pop(1);
      }
      return out;
    });
  }

  [Symbol.iterator](): Iterator<[unknown, unknown]> { return this.entries()[Symbol.iterator](); }

  /** A deep copy as plain JS data: a sequence 1..n becomes an array, any other table an
   *  object with string keys (number keys as Lua prints them); tables shared or cyclic in
   *  Lua are shared or cyclic in the copy. Functions stay LuaFunction handles. A key that is
   *  neither a string nor a number raises a LuaError. */
  toJS(): unknown {
    const b = this.bridge;
    b.checkSlot(this.slot, 'table');
    return b.protect(() => {
      b.pushSlot(this.slot.id);
      return b.copyTable(-1, new Map(), 0);
    });
  }
}

/** A Lua function callable from JS: `f(...args)` gives the first result, `f.all(...args)`
 *  every result; arguments and results are converted like everything else. */
export interface LuaFunction {
  (...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  /** Let Lua collect the function now. */
  release(): void;
}

/** Returned by a JS function called from Lua, gives Lua several results. */
export class MultiReturn {
  constructor(readonly values: readonly unknown[]) {}
}
