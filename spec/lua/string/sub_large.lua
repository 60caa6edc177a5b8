-- sub, byte and len on a megabyte string
local s = string.rep("0123456789", 100000)
print(#s, s:sub(-5), s:sub(500001, 500005), #s:sub(2, -2), s:byte(-1), s:byte(999999, 1000000))
local parts = {}
for i = 1, #s, 100000 do parts[#parts + 1] = s:sub(i, i + 2) end
print(table.concat(parts, ","))
print(s:find("9012", 999990, true), s:find("x"), #s:lower(), s:upper() == s)
