-- operand types alternate every iteration (int/float/int...), forcing repeated guard failures
local s = 0
local vals = {1, 2.5, 3, 4.25}
for i = 1, 400 do s = s + vals[i % 4 + 1] end
print(s, math.type(s))
local m = 1
for i = 1, 200 do
  if i % 2 == 0 then m = m * 3 else m = m / 3 end
  if i % 50 == 0 or i == 1 then print(i, string.format("%.17g", m), math.type(m)) end
end
local cat = {}
for i = 1, 120 do
  local v = (i % 3 == 0) and i / 2 or i // 2
  if i > 110 then cat[#cat + 1] = tostring(v) end
end
print(table.concat(cat, " "))
local t = 0
for i = 1, 300 do
  local v = i % 5 == 0 and "5" or i % 7 == 0 and 7.0 or 1
  t = t + v
end
print(t, math.type(t))
