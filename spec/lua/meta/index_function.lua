local t = setmetatable({}, {__index = function(t, k) return k .. "!" end})
print(t.foo, t[1], t.bar)
local calls = 0
local c = setmetatable({}, {__index = function(t, k) calls = calls + 1 rawset(t, k, k * 2) return k * 2 end})
print(c[5], c[5], calls)
