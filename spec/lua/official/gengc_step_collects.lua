-- in generational mode a basic step is a (minor) collection: new garbage goes
collectgarbage("generational")
local t = setmetatable({}, {__mode = "kv"})
collectgarbage()
t[1] = {10}
print(collectgarbage("step", 0))
print(t[1])
t[1] = {10}
collectgarbage("step", 0)
collectgarbage("step", 0)
t[1] = {10}
collectgarbage("step", 0)
print(t[1])
print(collectgarbage("incremental"))
