-- conversions in hot loops: tostring of ints/floats, tonumber of decimal/hex/exp strings, bases
local s = 0
for i = 1, 300 do s = s + tonumber(tostring(i)) + tonumber(tostring(i + 0.5)) end
print(s, math.type(s))
local hex = 0
for i = 1, 255 do hex = hex + tonumber(string.format("0x%x", i)) end
print(hex)
local bases = 0
for b = 2, 36 do bases = bases + tonumber("11", b) end
print(bases)
local bad = 0
for i = 1, 200 do if tonumber(i % 10 == 0 and "1e" or tostring(i)) == nil then bad = bad + 1 end end
print(bad)
local lens = 0
for i = 1, 200 do lens = lens + #tostring(i / 8) end
print(lens)
local m = {}
for i = 1, 100 do m[#m + 1] = math.type(tonumber(i % 2 == 0 and "10" or "10.0")) end
print(m[1], m[2], m[99], m[100])
print(tonumber("9223372036854775807"), tonumber("9223372036854775808"), tonumber("-9223372036854775808"))
