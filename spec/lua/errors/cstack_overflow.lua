local t = setmetatable({}, {__index = function(t, k) return t[k] end})
print(pcall(function() return t.x end))
local co
co = coroutine.wrap(function() return co() end)
print(pcall(co))
