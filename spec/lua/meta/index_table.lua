local base = {a = 1}
local t = setmetatable({}, {__index = base})
print(t.a, t.b, rawget(t, "a"))
local chain = setmetatable({}, {__index = setmetatable({}, {__index = {deep = "yes"}})})
print(chain.deep)
