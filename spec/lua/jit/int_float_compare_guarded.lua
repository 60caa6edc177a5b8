-- integer/float comparisons inside traced loops: exact as doubles within +-2^53, the
-- interpreter's exact rules beyond (guard exits), NaN, -0.0 and infinities
local c1, c2, c3 = 0, 0, 0
for i = 1, 500 do
  if i < 250.5 then c1 = c1 + 1 end
  if 100.0 <= i then c2 = c2 + 1 end
  if i == 300.0 then c3 = c3 + i end
end
print(c1, c2, c3)

local v, steps = 1, 0
while v < 1e15 do v = v * 3; steps = steps + 1 end
print(v, steps, math.type(v))

-- near and past 2^53: doubles are not exact there, the interpreter decides
local base = (1 << 53) - 100
local lt, eq = 0, 0
for i = base, base + 200 do
  if i < 2.0^53 then lt = lt + 1 end
  if i == 2.0^53 + 2 then eq = eq + 1 end
end
print(lt, eq)
local big = 0
for i = math.maxinteger - 150, math.maxinteger - 1 do
  if i < 2.0^63 then big = big + 1 end
end
print(big)

local nan, inf, nz = 0/0, math.huge, -0.0
local a, b, c, d = 0, 0, 0, 0
for i = -200, 200 do
  if i < nan or i >= nan then a = a + 1 end
  if i < inf then b = b + 1 end
  if i == nz then c = c + 1 end
  if -inf < i and i > -0.5 then d = d + 1 end
end
print(a, b, c, d)

-- a float counter compared with integer limits
local f, n = 0.0, 0
while f < 100 do f = f + 0.75; n = n + 1 end
print(f, n)
repeat f = f - 1.5 until 10 >= f
print(f)
