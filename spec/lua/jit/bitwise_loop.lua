-- bitwise operators in hot loops: shifts by 0..70 and negative amounts, xor-shift hashing
local r = {}
for s = 0, 70, 5 do r[#r + 1] = string.format("%x", 1 << s) end
print(table.concat(r, " "))
r = {}
for s = -70, 0, 10 do r[#r + 1] = tostring(0x40000000 << s) end
print(table.concat(r, " "))
local h = 2166136261
for i = 1, 1000 do
  h = h ~ (i & 0xff)
  h = (h * 16777619) & 0xffffffff
end
print(h)
local x = 88172645463325252
for i = 1, 300 do
  x = x ~ (x << 13)
  x = x ~ (x >> 7)
  x = x ~ (x << 17)
end
print(x, x & 0xffff, x >> 60, ~x)
local pop = 0
for i = 0, 1023 do local v = i; while v ~= 0 do v = v & (v - 1); pop = pop + 1 end end
print(pop)
local fl = 0
for i = 1, 200 do fl = fl | (i + 0.0) end
print(fl, math.type(fl))
print(pcall(function() local z = 0; for i = 1, 200 do z = z ~ (i == 150 and 1.5 or i) end end))
