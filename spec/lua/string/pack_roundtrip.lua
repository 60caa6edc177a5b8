-- many values through pack/unpack
local fmt = "<i1 I2 i4 j n d f z s2 c4 b B"
local vals = {-5, 60000, -100000, math.maxinteger, 3.25, -0.5, 0.25, "zed", "str", "four", 127, 200}
local s = string.pack(fmt, table.unpack(vals))
print(#s, string.packsize("<i1 I2 i4 j n d f"))
local back = {string.unpack(fmt, s)}
for i = 1, #vals do print(i, back[i], back[i] == vals[i], math.type(back[i])) end
print("next", back[#vals + 1])
print(pcall(string.pack, "i4"))
print(pcall(string.pack, "i4 i4", 1))
print(pcall(string.pack, "i4", "x"))
print(pcall(string.pack, "i4", 1.5))
