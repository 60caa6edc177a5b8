local mt = {}
local t = setmetatable({}, mt)
print(getmetatable(t) == mt, setmetatable(t, nil) == t, getmetatable(t))
print(pcall(setmetatable, t))
print(getmetatable(print), getmetatable(nil))
