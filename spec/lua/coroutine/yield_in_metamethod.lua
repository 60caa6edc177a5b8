local mt = {__index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __len = function(a) return coroutine.yield("len") end,
  __newindex = function(t, k, v) coroutine.yield("newindex " .. k) end}
local co = coroutine.wrap(function()
  local t = setmetatable({}, mt)
  local u = setmetatable({}, mt)
  print("index ->", t.foo)
  print("add ->", t + 1)
  print("lt ->", t < u)
  print("le via lt ->", t <= u)
  print("concat ->", "x" .. t .. "y")
  print("eq ->", t == u)
  print("len ->", #t)
  t.bar = 1
  return "end"
end)
print(co())
print(co("V1"))
print(co(42))
print(co(true))
print(co(true))
print(co("CC"))
print(co(false))
print(co(7))
print(co())
