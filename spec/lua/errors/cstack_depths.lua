local t = setmetatable({}, {__tostring = function(s) return tostring(s) end})
print(pcall(tostring, t))
local function deep(n) return pcall(function() return select(2, pcall(deep, n + 1)) end) end
local u = setmetatable({}, {__index = function(t, k) return t[k .. "x"] end})
print(pcall(function() return u.a end))
local co
local function nest(n) co = coroutine.wrap(function() return nest(n + 1) end) return co() end
print(pcall(nest, 1))
print(select('#', pcall(string.gsub, "x", "x", function() return tostring(t) end)))
