local maxI = math.maxinteger
local t = setmetatable({}, {__len = function() return maxI end})
table.insert(t, 20)
local k, v = next(t)
print(k, v, k == math.mininteger)
local r = setmetatable({}, {__len = function() return math.mininteger end})
print(pcall(table.remove, r))
