// Errors raised below the VM. They carry only a message; the VM converts them into Lua error
// values (adding `chunk:line:` where 5.4's luaG_runerror would) when they cross into Lua.

/** A runtime error whose message still needs the current position prepended
 *  ('index is nil', 'index is NaN', "invalid key to 'next'"?, ...). */
export class LuaRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LuaRuntimeError';
  }
}

/** The state ran out of its memory budget: the Lua error value is the string
 *  'not enough memory', with no position, as 5.4 reports it. */
export class LuaMemoryError extends Error {
  constructor() {
    super('not enough memory');
    this.name = 'LuaMemoryError';
  }
}
