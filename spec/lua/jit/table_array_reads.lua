-- reads of the array part in traced loops: numbers guarded by bounds and element tag;
-- holes, the hash part, metatables, type changes and keys outside the array leave the trace
local a, b = {}, {}
for i = 1, 300 do a[i] = i * 0.5; b[i] = i end
local s, q = 0.0, 0
for k = 1, 300 do s = s + a[k] * b[k]; q = q + b[k] end
print(s, q)

-- constant keys (GETI), a key computed in the loop, and reads past the end (nil -> error)
local n = 0
for j = 1, 1000 do n = n + b[j % 300 + 1] + b[1] + b[300] end
print(n)
print(pcall(function() local x = 0 for j = 1, 400 do x = x + b[j] end return x end))

-- a hole in the middle: the interpreter sees nil, __index supplies a value
local h = setmetatable({}, { __index = function(t, k) return -k end })
for i = 1, 200 do h[i] = i end
h[150] = nil
local hs = 0
for i = 1, 200 do hs = hs + h[i] end
print(hs)

-- values change type mid-array: int -> float -> int (tag guard exits, side traces)
local mix = {}
for i = 1, 400 do mix[i] = (i > 100 and i <= 200) and i + 0.25 or i end
local ms = 0
for i = 1, 400 do ms = ms + mix[i] end
print(ms, math.type(ms))

-- keys in the hash part (negative, zero, beyond the array) and float keys
local sparse = { [0] = 5, [-3] = 7 }
for i = 1, 100 do sparse[i] = i end
sparse[1000] = 1
local sp = 0
for i = -5, 120 do
  local v = sparse[i]
  if v then sp = sp + v end
end
print(sp)
local fk = 0
for i = 1, 100 do fk = fk + b[i + 0.0] end
print(fk)

-- the table in the loop is replaced by another (each entry reads the slot again)
local rows = { {}, {} }
for i = 1, 100 do rows[1][i] = i; rows[2][i] = 2 * i end
local tot = 0
for r = 1, 2 do
  local row = rows[r]
  for i = 1, 100 do tot = tot + row[i] end
end
print(tot)

-- a table grown between runs of a traced loop
local g = {}
local gs = 0
for round = 1, 5 do
  for i = #g + 1, round * 80 do g[i] = i end
  for i = 1, #g do gs = gs + g[i] end
end
print(gs)

-- inner loop whose later trips read another type
local grid = {}
for i = 1, 60 do grid[i] = (i % 20 == 0) and 0.5 or i end
local gt = 0
for r = 1, 50 do
  for c = 1, 60 do gt = gt + grid[c] end
end
print(gt)

-- a string where a table was: the loop's entry check refuses it, the interpreter errors
local function sum(t, m) local x = 0 for i = 1, m do x = x + t[i] end return x end
print(sum(b, 300), sum(a, 300))
print(pcall(sum, "abc", 3))
print(pcall(sum, { 1, 2, "3" }, 3), pcall(sum, { 1, 2, "x" }, 3))

-- math.maxinteger, mininteger, -0.0 and NaN stored and read back
local sp2 = { math.maxinteger, math.mininteger, -0.0, 0/0, 1/0 }
local w, mn, z, nn, inf = 0, 0, 0, 0, 0
for i = 1, 100 do w = sp2[1] + i; mn = sp2[2] - i; z = sp2[3]; nn = sp2[4]; inf = sp2[5] end
print(w, mn, 1 / z, nn ~= nn, inf)
