-- a distinct destination that is __eq-equal to the source is copied backwards like the source itself
local mt = {__eq = function() return true end}
local order = {}
local a = setmetatable({1, 2, 3}, mt)
local b = setmetatable({}, {__eq = mt.__eq, __newindex = function(t, k, v) order[#order + 1] = k; rawset(t, k, v) end})
table.move(a, 1, 3, 2, b)
print(table.concat(order, " "))
