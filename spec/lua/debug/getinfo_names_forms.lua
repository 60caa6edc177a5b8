-- getinfo 'n' via different call forms
local t = {}
t.a = {}
function t.a.b() return debug.getinfo(1, "n") end
local i = t.a.b() print(i.name, i.namewhat)
local up = t
local function viaup() local i = up.a.b() return i.name, i.namewhat end
print(viaup())
local s = "x"
local mt = getmetatable(s).__index
mt.probe = function() local i = debug.getinfo(1, "n") return i.name, i.namewhat end
print(s:probe())
print(("y"):probe())
print(string.probe())
local k = "b"
print(t.a[k]().name, t.a[k]().namewhat)
local arr = { function() return debug.getinfo(1, "n") end }
print(arr[1]().name, arr[1]().namewhat)
_ENV.glob2 = function() return debug.getinfo(1, "n") end
print(glob2().name, glob2().namewhat)
local env = _ENV
print(env.glob2().name, env.glob2().namewhat)
do
  local _ENV = { f = function() return debug.getinfo(1, "n") end, print = print }
  print(f().name, f().namewhat)
end
local co = coroutine.wrap(function() return debug.getinfo(2, "n") end)
local r = co()
print(r and r.name, r and r.namewhat)
