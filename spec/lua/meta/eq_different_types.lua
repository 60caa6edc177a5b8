local mt = {__eq = function() print("called") return true end}
local t = setmetatable({}, mt)
print(t == 1, t == "t", t == nil, t == print)
print(t == setmetatable({}, {__eq = function() return false end}))
