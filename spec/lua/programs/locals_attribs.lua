-- locals, shadowing, multiple assignment and <const> attributes
local a, b, c = 1, 2
print(a, b, c)
local x <const> = 10
local y <const>, z = "s", 3.5
print(x, y, z, math.type(x), math.type(z))
do
  local x = x + 1
  print("inner", x)
end
print("outer", x)
local p, q = 1, 2
p, q = q, p
print(p, q)
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local function f() return 1, 2, 3 end
local m, n = f()
print(m, n)
local u, v, w, k = 0, f()
print(u, v, w, k)
local s <const> = "k" .. "v"
print(s, #s)
local ok, msg = load("local c <const> = 1; c = 2")
print(ok, msg)
ok, msg = load("local c <foo> = 1")
print(ok, msg)
