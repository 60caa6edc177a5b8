-- results beyond the stack limit are refused with luaL_checkstack's messages
local s = string.rep("a", 2000000)
print(pcall(string.byte, s, 1, -1))
print(pcall(string.unpack, string.rep("b", 1100000), s))
print(select('#', string.byte(s, 1, 900000)))
print(pcall(string.format, "%s%s", s, s) and "ok")
