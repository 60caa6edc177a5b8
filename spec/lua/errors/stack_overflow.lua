local function f() return 1 + f() end
local ok, e = pcall(f)
print(ok, e)
local function g(n) return g(n + 1) + 1 end
print(pcall(g, 1))
f()
