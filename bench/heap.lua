-- The loops of bench/heap.mjs in Lua, for lua5.4: lua5.4 bench/heap.lua
local clock = os.clock
local function bench(name, ops, fn)
  local dt, r = math.huge, nil
  for _ = 1, 4 do
    local t0 = clock()
    r = fn()
    dt = math.min(dt, clock() - t0)
  end
  print(string.format("%-34s %7.1f Mops/s  (%.3f s) %s", name, ops / dt / 1e6, dt, tostring(r or "")))
end

local N = 10000000
local arr
bench("array set t[i]=i (grow from empty)", N, function()
  arr = {}
  for i = 1, N do arr[i] = i end
end)
bench("array get sum t[i]", N, function()
  local s = 0
  for i = 1, N do s = s + arr[i] end
  return s
end)

local NK = 1000
local keys = {}
for i = 0, NK - 1 do keys[i] = "key" .. i end
local ht = {}
local M = 10000000
bench("hash set t[k]=i (1000 string keys)", M, function()
  for i = 0, M - 1 do ht[keys[i % NK]] = i end
end)
bench("hash get t[k] (1000 string keys)", M, function()
  local s = 0
  for i = 0, M - 1 do s = s + ht[keys[i % NK]] end
  return s
end)

arr, ht = nil, nil
collectgarbage()
local A = 2000000
bench("alloc {x=i} (GC on)", A, function()
  for i = 0, A - 1 do local t = {x = i} end
end)
bench('alloc strings "s"..i (GC on)', A, function()
  for i = 0, A - 1 do local s = "s" .. i end
end)
