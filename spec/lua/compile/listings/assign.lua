-- assignment conflicts (lparser's check_conflict), upvalue tables, chained fields
local t = { 1, 2, 3 }
local i = 1
t[i], i = "a", 2
print(t[1], t[2], i)
local a = { x = 1 }
a.x, a = 10, { x = 0 }
print(a.x)
local u = { y = 1 }
local function f()
  u.y, u = 5, { y = 7 }
  return u.y
end
print(f(), u.y)
local k, m = "x", { x = 1 }
m[k], k = 2, "y"
print(m.x, m.y, k)
G = { sub = {} }
G.sub.v, G.w = 1, 2
print(G.sub.v, G.w)
local p, q, r = 1
p, q, r = r, p
print(p, q, r)
local function two() return 1, 2 end
local s1, s2, s3 = two()
s1, s2, s3 = 0, two()
print(s1, s2, s3)
