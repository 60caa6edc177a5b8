-- __index chains through tables and functions, rawget, inheritance depth, __index on strings
local base = {a = "base.a", shared = "base"}
local mid = setmetatable({b = "mid.b", shared = "mid"}, {__index = base})
local leaf = setmetatable({c = "leaf.c"}, {__index = mid})
print(leaf.a, leaf.b, leaf.c, leaf.shared, leaf.none)
print(rawget(leaf, "a"), rawget(leaf, "c"))
local calls = 0
local lazy = setmetatable({}, {__index = function(t, k)
  calls = calls + 1
  local v = type(k) == "number" and k * k or "key:" .. tostring(k)
  rawset(t, k, v)
  return v
end})
print(lazy[4], lazy[4], lazy.x, calls)
local deflt = setmetatable({}, {__index = function() return 0 end})
deflt.hits = deflt.hits + 1
print(deflt.hits, deflt.other)
-- a chain of 50 tables
local t = {deep = "found"}
for i = 1, 50 do t = setmetatable({}, {__index = t}) end
print(t.deep)
print(type(("abc").len), ("abc"):len(), getmetatable("").__index == string)
local proxy = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return k .. "!" end})})
print(proxy.hey)
local loop = setmetatable({}, {})
getmetatable(loop).__index = loop
print(pcall(function() return loop.x end))
print(pcall(function() local n = nil; return n.x end))
print(pcall(function() return (5).x end))
print(pcall(function() return undefinedglobal.x end))
