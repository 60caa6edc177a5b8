-- globals, _G, _ENV as a local/upvalue, load with a custom env, rawget/rawset on _G
x = 10
print(x, _G.x, _ENV.x, _G == _ENV, rawget(_G, "x"))
_G.y = 20
print(y)
do
  local _ENV = {print = print, z = "sandbox"}
  print(z, x)
  w = 5
  print(w, _ENV.w)
end
print(w)
local function withenv()
  local _ENV = setmetatable({}, {__index = _G})
  newglobal = "local to env"
  return newglobal, _G.newglobal
end
print(withenv())
local env = {tostring = tostring}
local chunk = load("a = 1; b = a + 1; return tostring(b)", "chunk", "t", env)
print(chunk(), env.a, env.b, a)
print(load("return ...", "varchunk")(1, 2, 3))
print(pcall(load("local t = nil; return t.x", "=named")))
print(pcall(load("return undefined_fn()", "@file.lua")))
print(load("syntax error here", "=src"))
local parts = {"return ", "1 ", "+ 41"}
local i = 0
print(load(function() i = i + 1; return parts[i] end)())
local counter = 0
setmetatable(_G, {__index = function(_, k) counter = counter + 1; return "missing:" .. k end})
print(undefined_a, undefined_b, counter)
setmetatable(_G, nil)
print(undefined_c)
print(pcall(function() undefined_d() end))
undefined_e.field = 1
