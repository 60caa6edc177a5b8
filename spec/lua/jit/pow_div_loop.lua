-- ^ and / always give floats in hot loops; overflow to inf, underflow to 0, int/int division
local p = {}
for i = 0, 1100, 100 do p[#p + 1] = tostring(2 ^ i) end
print(table.concat(p, " "))
local n = {}
for i = 0, -1100, -100 do n[#n + 1] = tostring(2 ^ i) end
print(table.concat(n, " "))
local q = 0
for i = 1, 300 do q = q + i / 3 + (i * 3) / 3 end
print(string.format("%.17g", q), math.type(q))
local infs, zeros = 0, 0
for i = -150, 150 do
  local r = 1 / i
  if r == math.huge then infs = infs + 1 end
  if i ~= 0 and r * i == 1 then zeros = zeros + 1 end
end
print(infs, zeros, 1 / 0, -1 / 0, 0 / 1, -0 / 1, 0 / -1)
local root = 0
for i = 1, 200 do root = root + i ^ 0.5 end
print(string.format("%.17g", root))
print((-8) ^ (1 / 3) ~= (-8) ^ (1 / 3), (-2) ^ 2, 2 ^ -1074 > 0, 2 ^ -1075 == 0)
