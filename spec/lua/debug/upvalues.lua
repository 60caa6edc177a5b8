local a, b = 10, 20
local function f() return a + b end
print(debug.getupvalue(f, 1))
print(debug.getupvalue(f, 2))
print(debug.getupvalue(f, 3))
print(debug.getupvalue(f, 0))
print(debug.setupvalue(f, 1, 100))
print(a, f())
print(debug.setupvalue(f, 5, 1))
local function g() return print end
local n, v = debug.getupvalue(g, 1)
print(n, v == _ENV)
print(debug.getupvalue(print, 1))
print(pcall(debug.getupvalue, {}, 1))
print(pcall(debug.setupvalue, f, 1))
