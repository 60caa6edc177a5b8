local f = load("return 1 + 1")
print(f())
print(load("syntax error here"))
local env = {x = 5}
local g = load("return x", "chunk", "t", env)
print(g())
local h = load("y = 7", "=set", "t", env)
h()
print(env.y, y)
local parts = {"return ", "1 ", "+ 41"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
print(pcall(load(function() error("reader fail") end) or print))
local fn, err = load("return", "=name") fn = type(fn)
print(fn, err)
print(load("return ...", "va")(1, 2, 3))
