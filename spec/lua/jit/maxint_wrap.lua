-- math.maxinteger / mininteger wrap in hot loops: add, sub, mul, unary minus, and for-loop limits
local x = math.maxinteger
local seen = {}
for i = 1, 200 do
  x = x + 1
  if i <= 2 or i == 200 then seen[#seen + 1] = tostring(x) end
  x = x - 1
end
print(table.concat(seen, " "), x == math.maxinteger)
local m = math.mininteger
local negs = 0
for i = 1, 100 do if -m == m then negs = negs + 1 end end
print(negs, -math.mininteger, math.mininteger // -1, math.mininteger * -1)
local h = 1
for i = 1, 100 do h = h * 31 + i end
print(h)
local c = 0
for i = math.maxinteger - 150, math.maxinteger do c = c + 1 end
print(c)
c = 0
for i = math.mininteger + 150, math.mininteger, -1 do c = c + 1 end
print(c)
c = 0
for i = math.maxinteger - 1000, math.maxinteger, 7 do c = c + 1 end
print(c)
local f = math.maxinteger + 0.0
for i = 1, 100 do f = f + 1 end
print(f == 2^63, string.format("%.17g", f), math.type(f))
local u = 0
for i = 1, 200 do u = (u + math.maxinteger) end
print(u)
