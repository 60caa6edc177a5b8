-- string.len and # on byte strings, numbers coerced by len
print(string.len(""), string.len("abc"), #"abc", ("hello"):len())
print(string.len("a\0b\0"), #"\0\0\0", string.len("\xff\xfe"))
print(string.len(123), string.len(-1.5), string.len(2^63))
print(string.len("\u{10FFFF}"), #"\u{7FF}")
print(pcall(string.len))
print(pcall(string.len, nil))
print(pcall(string.len, {}))
print(pcall(string.len, true))
