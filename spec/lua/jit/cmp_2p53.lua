-- int vs float comparisons around 2^53 and 2^63 in hot loops: exact, no rounding through doubles
local base = 2^53 | 0
local eq, lt, gt = 0, 0, 0
for d = -100, 100 do
  local i = base + d
  local f = 2.0^53
  if i == f then eq = eq + 1 end
  if i < f then lt = lt + 1 end
  if i > f then gt = gt + 1 end
end
print(eq, lt, gt)
local r = {}
for d = -2, 2 do
  local i = base + d
  r[#r + 1] = string.format("%d:%s%s%s", d, tostring(i == i + 0.0), tostring(i < i + 0.0), tostring(i <= (i + 0.0)))
end
print(table.concat(r, " "))
local c1 = 0
for i = 1, 100 do if math.maxinteger < 2^63 then c1 = c1 + 1 end; if math.maxinteger + 0.0 == 2^63 then c1 = c1 + 1 end end
print(c1, math.maxinteger == 2^63, math.mininteger == -2^63, math.mininteger < -2^63)
local c2 = 0
for i = 1, 200 do
  local x = (base + 1) + 0.0
  if x == base then c2 = c2 + 1 end
  if base + 1 > x then c2 = c2 + 1000 end
end
print(c2)
local keys = {}
for i = 1, 100 do keys[2^53] = i; keys[base] = i * 2 end
print(keys[2^53], keys[base], keys[base + 1])
for _, v in ipairs({2^53, 2^53 + 2, -2^53}) do print(math.tointeger(v), v == math.tointeger(v)) end
print(1e308 > math.maxinteger, -1e308 < math.mininteger, math.huge > math.maxinteger, 0/0 < 1, 0/0 > 1)
