local co = coroutine.create(function(x)
  local y = x * 2
  coroutine.yield(y)
  return 0
end)
print(debug.getinfo(co, 0))
coroutine.resume(co, 5)
local i = debug.getinfo(co, 0, "Sl")
print(i.what, i.currentline, i.short_src)
local j = debug.getinfo(co, 1, "Sl")
print(j.what, j.currentline)
print(debug.getinfo(co, 2))
local k = debug.getinfo(co, 0, "n")
print(k.name, k.namewhat)
