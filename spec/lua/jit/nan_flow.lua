-- NaN in hot loops: comparisons are all false, NaN ~= NaN, it propagates through arithmetic
local nan = 0 / 0
local lt, le, gt, eq, ne = 0, 0, 0, 0, 0
for i = 1, 200 do
  local x = (i % 2 == 0) and nan or i + 0.0
  if x < 100 then lt = lt + 1 end
  if x <= 100 then le = le + 1 end
  if x > 100 then gt = gt + 1 end
  if x == x then eq = eq + 1 end
  if x ~= x then ne = ne + 1 end
end
print(lt, le, gt, eq, ne)
local acc = 1.0
for i = 1, 150 do
  acc = acc + i
  if i == 100 then acc = acc * nan end
end
print(acc ~= acc, acc == acc, not (acc < 0), not (acc >= 0))
local maxv = -math.huge
for i = 1, 100 do
  local v = i == 50 and nan or i
  if v > maxv then maxv = v end
end
print(maxv)
local cnt = 0
for i = 1, 100 do if not (nan < i) and not (nan >= i) then cnt = cnt + 1 end end
print(cnt, math.max(1, nan, 3) ~= math.max(1, nan, 3), math.min(nan, 1) ~= math.min(nan, 1))
print(string.format("%.17g", 0/0), tostring(0/0), math.type(0/0), 0/0 ~= 0/0)
print(pcall(function() local t = {}; for i = 1, 100 do t[i == 70 and nan or i] = i end end))
local p = 0
for i = 1, 100 do p = math.fmod(i, 0.0) end
print(p ~= p, math.huge - math.huge ~= math.huge - math.huge, math.huge * 0 ~= math.huge * 0)
