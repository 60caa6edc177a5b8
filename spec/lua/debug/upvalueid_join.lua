local a, b = 1, 2
local function f() return a end
local function g() return a, b end
local function h() return b end
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 2))
print(debug.upvalueid(h, 1) == debug.upvalueid(g, 2))
print(type(debug.upvalueid(f, 1)) == type(debug.upvalueid(g, 1)))
print(pcall(debug.upvalueid, f, 2))
print(pcall(debug.upvalueid, f, 0))
debug.upvaluejoin(f, 1, h, 1)
print(f(), debug.upvalueid(f, 1) == debug.upvalueid(h, 1))
b = 30
print(f(), g())
print(pcall(debug.upvaluejoin, f, 2, h, 1))
print(pcall(debug.upvaluejoin, f, 1, h, 3))
print(pcall(debug.upvaluejoin, print, 1, h, 1))
print(pcall(debug.upvaluejoin, f, 1, print, 1))
print(pcall(debug.upvaluejoin, {}, 1, h, 1))
