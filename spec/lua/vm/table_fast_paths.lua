-- Table access fast paths: existing and new keys, __index/__newindex chains, integer keys in
-- and out of the array part, and error lines after fast accesses on other lines.
local Base = {kind = "base", n = 0}
Base.__index = Base
local Mid = setmetatable({mid = true}, Base)
Mid.__index = Mid
local obj = setmetatable({x = 1}, Mid)
print(obj.x, obj.mid, obj.kind, obj.none)
obj.y = 2; obj.kind = "own"
print(obj.y, obj.kind, Base.kind, rawget(obj, "mid"))
local log = {}
local guarded = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v * 10) end,
  __index = function(t, k) return "idx:" .. tostring(k) end})
guarded.a = 1; guarded.a = 2; guarded[1] = 3; guarded[1] = 4; guarded[2.0] = 5
print(guarded.a, guarded[1], guarded[2], guarded.zz, guarded[99], table.concat(log, ","))
local arr = {}
for i = 1, 10 do arr[i] = i * i end
arr[20] = 400; arr[0] = 0; arr[-1] = -1; arr[2^53] = "big"; arr[1.5] = "f"
print(#arr, arr[1], arr[10], arr[11], arr[20], arr[0], arr[-1], arr[2^53], arr[1.5], arr[3.0])
local k = 7
arr[k] = "seven"; print(arr[k], arr[7.0])
local s = {}
s.f1 = 1; s.f2 = 2; s.f1 = nil; s.f3 = 3
print(s.f1, s.f2, s.f3)
local up = {}
function up.m(self, a) return (self.v or 0) + a end
up.v = 5
print(up:m(1), up.m(up, 2))
-- lengths with and without __len
print(#{1, 2, 3}, #setmetatable({}, {__len = function() return 42 end}), #"abc")
-- errors name the right variable and line
local t = {a = {b = 1}}
local ok, e = pcall(function()
  local v = t.a.b
  v = v + t.a.b
  return t.c.d
end)
print(ok, e)
ok, e = pcall(function()
  t.a.b = 2
  t.x.y = 1
end)
print(ok, e)
ok, e = pcall(function()
  local q = t.a
  q[1] = 1
  local n = nil
  n[1] = 2
end)
print(ok, e)
ok, e = pcall(function()
  local q = t
  return q.a.b + #q.a + q:nomethod()
end)
print(ok, e)
ok, e = pcall(function()
  local q = t.a.b
  return #q
end)
print(ok, e)
ok, e = pcall(function() undefinedglobal.x = 1 end)
print(ok, e)
ok, e = pcall(function() local r = {}; r[nil] = 1 end)
print(ok, e)
ok, e = pcall(function() local r = {}; r[0/0] = 1 end)
print(ok, e)
-- holes in the array part go through __newindex; filled slots are written raw
local calls = {}
local holes = setmetatable({1, 2, 3, 4}, {__newindex = function(t, k, v) calls[#calls + 1] = k .. "=" .. v; rawset(t, k, -v) end})
holes[2] = nil
holes[2] = 20
local idx = 3
holes[idx] = nil
holes[idx] = 30
holes[1] = 10
holes[idx + 1] = 40
print(holes[1], holes[2], holes[3], holes[4], table.concat(calls, " "))
local plain = {1, 2, 3}
plain[2] = nil; plain[2] = "two"; idx = 3; plain[idx] = nil; plain[idx] = "three"
print(plain[1], plain[2], plain[3], #plain)
-- one instruction reading a field from tables of different layouts, through removals,
-- rehashes and __index (the interpreter remembers where the key was last found)
local shapes = {
  {x = 1}, {a = 0, x = 2}, {a = 0, b = 0, c = 0, x = 3}, {x = 4, y = 0},
  setmetatable({}, {__index = {x = 5}}), {y = 6}, {},
}
for round = 1, 3 do
  local out = {}
  for k = 1, #shapes do
    local s = shapes[k]
    out[#out + 1] = tostring(s.x)
    s.x = s.x and s.x + 10 or nil
  end
  print(table.concat(out, " "))
  shapes[2].x = nil
  for j = 1, 20 do shapes[3]["k" .. j] = j end
  shapes[6].x = round
end
local grow = {}
for j = 1, 40 do
  grow["f" .. j] = j
  local sum = 0
  for m = 1, j do sum = sum + grow["f" .. m] end
  if j % 10 == 0 then print(j, sum, grow.f1, grow.f10) end
end
