local mt = {__eq = function(a, b) print("eq called") return true end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, a ~= b, a == a)
print(a == 1, 1 == a)
local c = setmetatable({}, {__eq = function() return 1 end})
print(c == {}, {} == c)
local d = {}
print(d == setmetatable({}, mt))
