local depth = 0
local function nest(n) depth = n local co = coroutine.create(function() return nest(n + 1) end) local ok, e = coroutine.resume(co) if not ok then error(e, 0) end return e end
print(pcall(nest, 1), depth)
depth = 0
local function nest2(n) depth = n local co = coroutine.create(function() return nest2(n + 1) end) return select(2, coroutine.resume(co)) end
print(nest2(1), depth)
