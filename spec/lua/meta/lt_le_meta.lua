local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function o(v) return setmetatable({v = v}, mt) end
print(o(1) < o(2), o(2) < o(1), o(1) <= o(1), o(2) > o(1), o(1) >= o(2))
local mt2 = {__lt = function(a, b) return a.v < b.v end}
local function p(v) return setmetatable({v = v}, mt2) end
print(pcall(function() return p(1) <= p(2) end))
print(pcall(function() return p(1) < 5 end))
local mt3 = {__lt = function(a, b) return true end}
print(setmetatable({}, mt3) < 1, 1 < setmetatable({}, mt3))
