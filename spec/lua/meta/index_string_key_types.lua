local t = setmetatable({}, {__index = function(_, k) return type(k) end})
print(t[1], t[1.5], t.s, t[true], t[t])
local log = {}
local u = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = type(k) .. "=" .. tostring(v) end})
u[1] = "a" u.x = 2 u[2.5] = false
print(log[1], log[2], log[3])
