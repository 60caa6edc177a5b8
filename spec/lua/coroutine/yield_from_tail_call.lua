local function helper(x) return coroutine.yield(x * 2) end
local co = coroutine.wrap(function(a) return helper(a) end)
print(co(21))
print(co("back"))
