-- __close may be a host function that yields (coroutine.yield), on return and at block exit
local function func2close (f) return setmetatable({}, {__close = f}) end
local co = coroutine.wrap(function ()
  do
    local a <close> = func2close(coroutine.yield)
  end
  local x <close> = func2close(coroutine.yield)
  local y <close> = func2close(function (o) coroutine.yield("y") end)
  return table.unpack({1, 2, 3})
end)
local r = table.pack(co())
print(r.n, type(r[1]), r[2])
print(co())
r = table.pack(co())
print(r.n, type(r[1]), r[2])
print(co())

-- closing after an error inside xpcall: the handler sees the error, closers can yield
local co2 = coroutine.wrap(function ()
  local function f ()
    local a <close> = func2close(function (_, e) coroutine.yield("a", e) end)
    local b <close> = func2close(function (_, e) coroutine.yield("b", e); error("from b", 0) end)
    error("boom", 0)
  end
  return xpcall(f, function (m) return "handled " .. m end)
end)
print(co2())
print(co2())
print(co2())
