local log = {}
local src = setmetatable({}, {__index = function(_, k) return "v" .. k end})
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. v; rawset(t, k, v) end})
table.move(src, 1, 3, 5, dst)
print(table.concat(log, " "))
log = {}
local same = setmetatable({1, 2, 3}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
table.move(same, 1, 3, 2)
print(table.concat(log, " "), same[1], same[2], same[3], same[4])
