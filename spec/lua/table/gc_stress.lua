local t = {}
for i = 1, 300 do t[i] = {v = (i * 37) % 101, s = "k" .. i} end
local n = 0
table.sort(t, function(a, b)
  n = n + 1
  if n % 50 == 0 then collectgarbage() end
  local junk = {} for j = 1, 10 do junk[j] = {j} end
  return a.v < b.v or (a.v == b.v and a.s < b.s)
end)
local ok = true
for i = 2, #t do if t[i-1].v > t[i].v then ok = false end end
print(ok, t[1].s, t[300].s)
local src = setmetatable({}, {__index = function(_, k) collectgarbage() return {k} end})
local dst = setmetatable({}, {__newindex = function(tt, k, v) collectgarbage() rawset(tt, k, v) end})
table.move(src, 1, 50, 1, dst)
print(dst[1][1], dst[50][1])
local p = setmetatable({}, {__index = function(_, k) collectgarbage() return "s" .. k end, __len = function() collectgarbage() return 40 end})
print(#table.concat(p, ","))
print(select("#", table.unpack(p)))
local mt = {__lt = function(a, b) collectgarbage() return a[1] < b[1] end}
local arr = {}
for i = 1, 200 do arr[i] = setmetatable({(i * 13) % 200}, mt) end
table.sort(arr)
print(arr[1][1], arr[200][1], math.max(arr[3], arr[7], arr[100])[1])
