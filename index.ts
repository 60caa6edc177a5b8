// The embedding API: `import { Lua } from 'lunet'` (lang/embed; README.md, Embedding).
export { Lua, type LuaOptions } from './lang/embed/lua.js';
export { LuaError, LuaClosedError, type LuaErrorKind } from './lang/embed/error.js';
export { LuaRef, LuaTable, MultiReturn, type LuaFunction } from './lang/embed/values.js';
export type { LibName, LibsOption } from './lang/embed/libs.js';
