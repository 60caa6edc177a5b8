local mt = {__lt = function(a, b) return a.v < b.v end}
local function V(v) return setmetatable({v = v}, mt) end
print(math.max(V(3), V(7), V(5)).v, math.min(V(3), V(7), V(1)).v)
print(math.max(V(1)).v)
