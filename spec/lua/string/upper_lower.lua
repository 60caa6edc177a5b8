-- case conversion only touches ASCII letters (C locale)
print(string.upper("Hello, World! 123"), string.lower("Hello, World! 123"))
local hi = "\xe9\xc9\xff\x80abcXYZ"
local u, l = hi:upper(), hi:lower()
print(u:byte(1, -1))
print(l:byte(1, -1))
print(("a\0b"):upper() == "A\0B", (""):upper() == "", string.upper(12), string.lower(1e100))
print(pcall(string.upper))
print(pcall(string.lower, {}))
