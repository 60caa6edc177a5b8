-- yield across pcall/xpcall and metamethods, coroutine.close with pending <close> variables
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local got = coroutine.yield("from inside pcall")
    error("err after " .. got, 0)
  end)
  coroutine.yield(ok, v)
  local ok2, v2 = xpcall(function() return coroutine.yield("in xpcall") * 2 end, debug.traceback)
  return ok2, v2
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resume2"))
print(coroutine.resume(co))
print(coroutine.resume(co, 21))
-- yield inside a metamethod called from Lua code
local mt = {__add = function(a, b) return coroutine.yield("adding") end,
            __index = function(t, k) return coroutine.yield("index " .. k) end}
local mco = coroutine.wrap(function()
  local o = setmetatable({}, mt)
  local s = o + 1
  local f = o.field
  return s, f
end)
print(mco())
print(mco(100))
print(mco("fieldval"))
-- coroutine.close runs pending __close in reverse order
local log = {}
local cc = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "a:" .. tostring(e) end})
  local b <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "b:" .. tostring(e) end})
  coroutine.yield(1)
  log[#log + 1] = "never"
end)
print(coroutine.resume(cc))
print(coroutine.close(cc), coroutine.status(cc), table.concat(log, " "))
print(coroutine.close(coroutine.create(print)))
local dead = coroutine.create(function() error("x", 0) end)
coroutine.resume(dead)
print(coroutine.close(dead))
print(pcall(coroutine.close, coroutine.running()))
-- yielding across a C boundary (table.sort comparator) is an error
local bad = coroutine.create(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)
print(coroutine.resume(bad))
