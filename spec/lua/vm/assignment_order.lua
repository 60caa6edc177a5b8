local a, b, c = 1, 2
print(a, b, c)
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y = 1, 2
x, y = y, x
print(x, y)
local function mr() return 7, 8 end
local p, q, r = mr(), 10
print(p, q, r)
