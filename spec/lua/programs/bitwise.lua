-- bitwise operators on integers, floats with integral values, shifts beyond 64 and errors
print(5 & 3, 5 | 3, 5 ~ 3, ~5, 1 << 4, 256 >> 4)
print(-1 >> 1, -1 << 63, 1 << 64, 1 << -1, 2 >> -1, -1 >> 64)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFFFFFFFF ~ 0xFFFF, 3.0 & 1, 2^53 | 0)
print(math.mininteger >> 63, math.maxinteger << 1, ~math.mininteger)
print(string.format("%x %x %x", -1 & 0xFFFFFFFF, 1 << 62, 0xDEADBEEF ~ 0xFFFF))
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return 2^64 | 0 end))
print(pcall(function() return {} | 1 end))
print(pcall(function() local s = "x"; return s << 1 end))
local x = 0
for i = 0, 62, 3 do x = x | (1 << i) end
print(x, string.format("%016x", x))
print(1 << 63 == math.mininteger, (1 << 63) - 1 == math.maxinteger)
print("3" | 0) -- strings are not coerced by bitwise operators: uncaught error
