local function f() return pcall(f) end
print(f())
local n = 0
local function g() n = n + 1 local ok, e = pcall(g) return ok, e end
print(g(), n)
