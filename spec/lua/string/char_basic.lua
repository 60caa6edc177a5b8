-- string.char
print(string.char(72, 101, 108, 108, 111), string.char() == "", #string.char(0, 0))
print(string.char(255):byte(), string.char("65", 66.0))
local t = {}
for i = 0, 255 do t[#t + 1] = i end
local all = string.char(table.unpack(t))
print(#all, all:byte(1), all:byte(256), all:sub(66, 70))
print(pcall(string.char, 256))
print(pcall(string.char, 65, -1))
print(pcall(string.char, 65, 66, "x"))
print(pcall(string.char, 1.5))
print(pcall(string.char, math.mininteger))
print(pcall(string.char, nil))
