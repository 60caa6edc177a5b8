local t = {}
setmetatable(t, {__index = t})
print(pcall(function() return t.x end))
local a, b = {}, {}
setmetatable(a, {__index = b}) setmetatable(b, {__index = a})
print(pcall(function() return a.y end))
local n = {}
setmetatable(n, {__newindex = n})
print(pcall(function() n.x = 1 end))
