// The heap-independent cores of the string, math and os libraries, in one import.
// Each module's header documents its API and error conventions.
export { find, match, gsub, GMatch, type Capture, type GsubCallback } from './pattern.js';
export { format, quoteString, quoteFloat, FormatArgError, type FormatArg, type FormatOpaque } from './format.js';
export { pack, unpack, packsize } from './pack.js';
export { osDate, osTime, strftime, breakDown, daysFromCivil, type DateTm, type DateInput } from './strftime.js';
export { LuaRandom } from './random.js';
export { ArgError, checkInteger, checkNumber, checkString, typeNameOf, type LuaArg, type LuaOpaque } from './args.js';
