-- inside a hook: hooks are off, the hook is named 'hook', errors can be caught
local count = 0
local names = {}
debug.sethook(function (e, l)
  count = count + 1
  local info = debug.getinfo(1, "n")
  names[info.namewhat .. "/" .. tostring(info.name)] = true
  local tb = debug.traceback()
  assert(string.find(tb, "in hook '%?'"))
  -- a call from inside the hook is not hooked
  local s = string.rep("a", 3)
end, "l")
local a = 1
a = a + 1
debug.sethook()
print(count, next(names))

-- an error in a hook goes to the caller's pcall; hooks still work afterwards
local n = 0
print(pcall(function ()
  debug.sethook(function () n = n + 1; if n == 3 then error("in hook") end end, "l")
  local x = 1
  x = x + 1
  x = x + 1
  x = x + 1
end))
debug.sethook()
local m = 0
debug.sethook(function () m = m + 1 end, "l")
local y = 1
y = 2
debug.sethook()
print(n, m)

-- a pcall inside a hook that fails does not turn hooks back on
local inner = 0
debug.sethook(function (e)
  inner = inner + 1
  pcall(error, "x")
  local z = 1
end, "l")
local w = 1
w = 2
debug.sethook()
print(inner)
