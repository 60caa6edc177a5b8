local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(t) do print(k, v) end
local plain = {5}
for k, v in pairs(plain) do print(k, v) end
print(pairs({}) == next)
