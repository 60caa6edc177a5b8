-- math.floor/ceil/min/max inlined in traced loops (no tables in these loops): results and
-- their types against the interpreter, including values the inline code hands back
local fl, ce = 0, 0
for i = -300, 300 do
  local x = i / 7
  fl = fl + math.floor(x)
  ce = ce + math.ceil(x) * 3
end
print(fl, ce, math.type(fl), math.type(ce))

-- floor/ceil of integers are the integers themselves
local s = 0
for i = math.maxinteger - 200, math.maxinteger - 1 do s = s + (math.floor(i) - i) + (math.ceil(i) - i) end
print(s)

-- results leaving the integer range (float results), -2^63 exactly, NaN and infinities
local last, prev = nil, nil
local x = 1.5
for i = 1, 1100 do
  x = x * 1.05
  prev = last
  last = math.floor(x)
end
print(prev, math.type(prev), last, math.type(last))
local m63, mt = 0, nil
for i = 1, 200 do
  local v = (i == 150) and -2^63 or -2^62 - i + 0.5
  local f = math.ceil(v)
  m63 = f
  if i == 150 then mt = math.type(f) end
end
print(m63, mt)
local nanc, infc = 0, 0
for i = 1, 300 do
  local v = (i % 100 == 0) and 0/0 or ((i % 77 == 0) and 1/0 or i * 0.5)
  local f = math.floor(v)
  if f ~= f then nanc = nanc + 1 elseif f == math.huge then infc = infc + 1 end
end
print(nanc, infc)
local nz = 0.0
for i = 1, 100 do nz = math.ceil(-0.25 * (i % 2)) end
print(nz, math.type(nz))

-- min/max: the picked argument keeps its type; ties keep the first (max) or first (min)
local mn, mx = math.huge, -math.huge
for i = 1, 400 do
  local v = ((i * 37) % 101 - 50) + 0.25
  mn = math.min(mn, v)
  mx = math.max(mx, v)
end
print(mn, mx)
local a, b = 0, 0
for i = 1, 500 do
  a = a + math.max(i, 250) - math.min(i, 250)
  b = math.max(b, i % 37)
end
print(a, b, math.type(a))
local z1, z2
for i = 1, 100 do z1 = math.max(-0.0, 0.0); z2 = math.min(0.0, -0.0) end
print(1 / z1, 1 / z2)
local nmax, nmin
for i = 1, 100 do nmax = math.max(0/0, i + 0.0); nmin = math.min(i + 0.0, 0/0) end
print(nmax ~= nmax, nmin)
-- mixed integer/float arguments are left to the interpreter
local mix = 0
for i = 1, 200 do mix = math.max(mix, i * 0.5) + math.min(i, 3) - 3 end
print(mix, math.type(mix))
-- math.floor replaced while the loop runs
local cnt = 0
for i = 1, 3000 do
  cnt = cnt + math.floor(i / 2)
  if i == 2000 then math.floor = function(v) return 1 end end
end
print(cnt)
