local co = coroutine.create(function(...)
  local n = select('#', ...)
  local t = {...}
  return n, t[1], t[n], coroutine.yield(n)
end)
local args = {}
for i = 1, 300 do args[i] = i end
local f = load("local co, a = ... return coroutine.resume(co, " .. (function() local s = "" for i = 1, 300 do s = s .. (i > 1 and "," or "") .. "a[" .. i .. "]" end return s end)() .. ")")
print(f(co, args))
print(coroutine.resume(co, "x", "y"))
