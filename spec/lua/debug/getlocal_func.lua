local function f(a, b, ...) local c = 1 end
print(debug.getlocal(f, 1))
print(debug.getlocal(f, 2))
print(debug.getlocal(f, 3))
print(debug.getlocal(f, 0))
print(debug.getlocal(f, -1))
print(debug.getlocal(print, 1))
local function g() end
print(debug.getlocal(g, 1))
