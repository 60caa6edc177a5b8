-- locals, multiple assignment, swaps, nil merging
local a, b, c = 1, 2
local d
local e, f
print(a, b, c, d, e, f)
a, b = b, a
print(a, b)
local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
t[1], t[2], t[3] = t[3], t[2], t[1]
print(t[1], t[2], t[3])
local x, y, z = (function () return 1, 2, 3 end)()
print(x, y, z)
local p, q = ...
print(p, q)
g1, g2 = 10, 20, 30
print(g1, g2)
local u = nil
local v = false
local w = true
print(u, v, w, -0.0, 1e300 * 1e10, 2^53)
