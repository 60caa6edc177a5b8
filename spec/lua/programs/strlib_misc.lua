-- string.rep/sub/byte/char/upper/lower/reverse/len with negative and out-of-range indices
local s = "Hello, Lua!"
print(s:sub(1, 5), s:sub(-4), s:sub(-4, -2), s:sub(8, 100), s:sub(0), s:sub(5, 2), s:sub(-100, 3))
print(s:sub(math.mininteger, math.maxinteger) == s, s:sub(3.0, 4))
print(s:byte(), s:byte(-1), s:byte(1, 3), s:byte(100), select('#', s:byte(5, 4)))
print(string.char(72, 105), string.char(), #string.char(0, 255), pcall(string.char, 256))
print(("ab"):rep(3), ("ab"):rep(3, "-"), ("x"):rep(0), ("x"):rep(-1), ("x"):rep(1, "sep"))
print(s:upper(), s:lower(), s:reverse(), s:len(), #"")
print(("%d"):format(7), ("abc"):upper():lower():rep(2))
print(pcall(string.sub), pcall(string.sub, "x", "a"))
print(pcall(string.rep, "x", 1.5))
print(string.byte("A") + 1, string.char(string.byte("abc", 1, -1)))
local bytes = {}
for i = 1, #s do bytes[#bytes + 1] = s:byte(i) end
print(table.concat(bytes, ","))
print(("\0\1\2"):byte(1, -1))
print(tostring(12):rep(2))
print((12):rep(2)) -- numbers have no string methods: uncaught error
