local function deep(n) if n == 0 then coroutine.yield("bottom") return "up" end return deep(n - 1) end
local co = coroutine.create(function() local r = deep(50) coroutine.yield(r) return "end" end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
