// Value tags (DESIGN §3). Ordered so that common tests are one compare:
// falsy is `tag <= Tag.False`, a number is `tag === Int || tag === Float`,
// a collectable object is `Tag.Str <= tag <= Tag.Thread`.
export const enum Tag {
  Nil = 0,
  False = 1,
  True = 2,
  Int = 3,
  Float = 4,
  Str = 5,
  Table = 6,
  LFunc = 7,
  HFunc = 8,
  Userdata = 9,
  Thread = 10,
  /** A light userdata (debug.upvalueid): a bare identity in the low payload word, no object,
   *  not collectable; type() says "userdata". */
  LightUd = 11,
}

/** Bytes per TValue: 8-byte payload at +0, 32-bit tag at +8, 4 spare bytes at +12. */
export const TVALUE_SIZE = 16;

/** Lua's type names, indexed by tag (as `type()` prints them). */
export const TYPE_NAMES: readonly string[] = [
  'nil', 'boolean', 'boolean', 'number', 'number', 'string',
  'table', 'function', 'function', 'userdata', 'thread', 'userdata',
];
