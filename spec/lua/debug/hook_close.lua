-- line hooks around closing variables: one event per line, whatever the __close is
local ev = {}
local function closer (f) return setmetatable({}, {__close = f}) end
local function lua_close () local z = 1 end
debug.sethook(function (e, l) ev[#ev + 1] = l end, "l")
do
  local a <close> = closer(lua_close)
  local b <close> = closer(rawlen)
  local c <close> = closer(lua_close)
end
local function f ()
  local x <close> = closer(lua_close)
  local y <close> = closer(lua_close)
  return 1, 2
end
local r1, r2 = f()
debug.sethook()
print(table.concat(ev, " "), r1, r2)

-- call/return events of __close methods
ev = {}
debug.sethook(function (e)
  local i = debug.getinfo(2, "n")
  ev[#ev + 1] = e .. ":" .. tostring(i.name)
end, "cr")
do
  local a <close> = closer(lua_close)
end
debug.sethook()
print(table.concat(ev, " "))

-- a new coroutine starts with its creator's mask and count, but without its hook function
debug.sethook(function () end, "l", 3)
local co = coroutine.create(function () return debug.gethook() end)
debug.sethook()
print(coroutine.resume(co))

-- an error in __close while xpcall unwinds goes through the message handler
print(xpcall(function ()
  local x <close> = closer(function () error("in close", 0) end)
  error("orig", 0)
end, function (m) return "H:" .. tostring(m) end))
