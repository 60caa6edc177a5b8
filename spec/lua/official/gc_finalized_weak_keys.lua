-- an object whose finalizer ran is an ordinary object again: the next collection frees it
-- and clears it from weak tables (weak values are cleared before the finalizer runs)
local W = setmetatable({}, {__mode = 'k'})
do
  local a = {}
  W[a] = 1
  setmetatable(a, {__gc = function (u) print("finalized", type(u)) end})
end
collectgarbage()
print("after first collection, still a key:", next(W) ~= nil)
collectgarbage()
print("after second collection, cleared:", next(W) == nil)

a = {}
local t = {x = 10}
local C = setmetatable({key = t}, {__mode = 'v'})
local C1 = setmetatable({[t] = 1}, {__mode = 'k'})
a.x = t
setmetatable(a, {__gc = function (u)
  print("in finalizer: value cleared", C.key == nil, "key kept", type(next(C1)))
end})
a, t = nil
collectgarbage()
collectgarbage()
print("both cleared:", next(C) == nil, next(C1) == nil)
