-- multiple results adjusted in every context: assignment, args, constructors, return, parens
local function f() return 1, 2, 3 end
local function g() end
local a, b, c, d = f()
print(a, b, c, d)
a, b = f(), 10
print(a, b)
a, b, c = 5, f()
print(a, b, c)
a, b, c = g(), 7
print(a, b, c)
print(f(), f())
print((f()))
print(f(), "end")
print(({f(), f()})[4], #{f(), nil}, #{g(), g()})
local t = {}
t.x, t.y, t.z = f()
print(t.x, t.y, t.z)
local function ret() return f() end
local function ret1() return (f()) end
local function ret2() return f(), f() end
print(ret())
print(ret1())
print(ret2())
print(select('#', g()), select('#', (g())), select('#', ret2()))
print(string.format("%d %d %d", f()))
print(math.max(f()), math.min(f(), -1))
local s = f() + 10
print(s)
print(#{f(), f(), f()}, ("x"):rep(f()))
local function idn(...) return ... end
print(idn(f()), idn((f())))
print(pcall(f))
print(pcall(tostring, g()), type((g())))
local x, y = (function(...) return select('#', ...), ... end)(nil, nil)
print(x, y)
