local t = setmetatable({}, {__index = function(t, k) error("no field " .. k) end})
print(pcall(function() return t.abc end))
local v = t.xyz
