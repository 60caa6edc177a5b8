print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {{}, 1}))
print(pcall(table.sort, {true, false}))
print(pcall(table.sort, {1, 2, 3, nil, 5}))
local mt = {__lt = function(a, b) error("no order here") end}
print(pcall(table.sort, {setmetatable({}, mt), setmetatable({}, mt)}))
print(pcall(table.sort, {3, 2, 1}, function(a, b) return a.x < b end))
