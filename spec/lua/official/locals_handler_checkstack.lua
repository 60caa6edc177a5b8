-- a message handler running on a stack overflow has extra room: library functions that
-- check the stack (string.find, string.gsub ...) work there, and so do tbc variables
local function func2close (f) return setmetatable({}, {__close = f}) end
local function overflow (n) overflow(n + 1) end
local function errorh (m)
  local found = string.find(m, "stack overflow") ~= nil
  local x <close> = func2close(function (o) o[1] = 10 end)
  x.found = found
  x.g = (string.gsub("abc", "(b)", "%1%1"))
  return x
end
local st, obj = xpcall(overflow, errorh, 0)
print(st, type(obj), obj[1], obj.found, obj.g)
local flag
local co = coroutine.wrap(function ()
  local y <close> = func2close(function (o, msg)
    o[1] = 100
    flag = o
  end)
  st, obj = xpcall(overflow, errorh, 0)
end)
co()
print(st, type(obj), obj[1], obj.found, flag[1])
