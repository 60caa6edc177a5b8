local log = {}
local t = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k rawset(t, k, v) end})
t.a = 1 t.a = 2 t.b = 3
print(#log, log[1], log[2], t.a, t.b)
local store = {}
local p = setmetatable({}, {__newindex = store, __index = store})
p.x = 10
print(rawget(p, "x"), store.x, p.x)
local ro = setmetatable({}, {__newindex = function() error("read-only table", 2) end})
print(pcall(function() ro.z = 1 end))
