-- string.find without special characters, and with plain = true
local s = "hello world, hello moon"
print(s:find("hello"), s:find("hello", 2), s:find("moon"), s:find("sun"))
print(s:find("o w"), s:find(""), s:find("", 100), s:find("", #s + 1), s:find("", #s + 2))
print(s:find("l", -3), s:find("h", -100), s:find("d", 0))
print(("a.b*c"):find(".", 1, true), ("a.b*c"):find("*", 1, true), ("a+b"):find("+", 1, true))
print(("a%b"):find("%", 1, true), ("x(y)"):find("(y)", 1, true), ("[x]"):find("[", 1, 1))
print(("a\0b\0c"):find("\0c"), ("abc"):find("abcd"), (""):find(""), (""):find("", 2))
print(string.find(12345, 34), string.find("a1", 1))
print(pcall(string.find, "x"))
print(pcall(string.find, "x", "x", "y"))
print(pcall(string.find, nil, "x"))
