// luaO_chunkid: how a chunk's name is shown in messages ("script.lua", "stdin",
// `[string "print(1)..."]`). Every message that has a source position uses it.

/** LUA_IDSIZE: room for the description, including C's terminating NUL. */
const IDSIZE = 60;

export function chunkId(chunkName: string): string {
  const c = chunkName.charCodeAt(0);
  if (c === 0x3d /* '=' */) {
    // Literal names keep at most IDSIZE-1 characters.
    return chunkName.length <= IDSIZE ? chunkName.slice(1) : chunkName.slice(1, IDSIZE);
  }
  if (c === 0x40 /* '@' */) {
    // File names keep their end, which is the informative part: "..." + last 56 chars.
    if (chunkName.length <= IDSIZE) return chunkName.slice(1);
    return '...' + chunkName.slice(chunkName.length - (IDSIZE - 3 - 1));
  }
  // Source text: first line only, at most 45 chars, "..." when anything was cut.
  const room = IDSIZE - '[string "'.length - '..."]'.length - 1;
  // C stops at a NUL byte (strchr/strlen see a C string).
  const nul = chunkName.indexOf('\0');
  const src = nul >= 0 ? chunkName.slice(0, nul) : chunkName;
  const nl = src.indexOf('\n');
  if (nl < 0 && src.length < room) return '[string "' + src + '"]';
  let len = nl >= 0 ? nl : src.length;
  if (len > room) len = room;
  return '[string "' + src.slice(0, len) + '..."]';
}
