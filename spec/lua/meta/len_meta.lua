local t = setmetatable({1, 2, 3}, {__len = function(t) return rawlen(t) * 10 end})
print(#t, rawlen(t))
local s = setmetatable({}, {__len = function() return "str" end})
print(#s)
