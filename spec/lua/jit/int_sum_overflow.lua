-- hot loop whose integer sum overflows: wraps around like math.maxinteger + 1 (never becomes float)
local s = math.maxinteger - 300
for i = 1, 500 do
  s = s + 1
  if i % 50 == 0 or i == 300 or i == 301 then print(i, s, math.type(s)) end
end
print(s == math.mininteger + 199, math.maxinteger + 1 == math.mininteger)
local p = 1
for i = 1, 130 do p = p * 3 end
print(p, math.type(p))
local d = math.mininteger + 100
for i = 1, 200 do d = d - 1 end
print(d, d == math.maxinteger - 99)
