-- closures created in loops capture a fresh local per iteration (for, while, repeat)
local fs = {}
for i = 1, 5 do fs[i] = function() return i end end
print(fs[1](), fs[3](), fs[5]())
local gs = {}
for _, name in ipairs({"a", "b", "c"}) do gs[#gs + 1] = function() return name end end
print(gs[1](), gs[2](), gs[3]())
local hs, j = {}, 0
while j < 3 do
  j = j + 1
  local k = j
  hs[j] = function() k = k + 10; return k end
end
print(hs[1](), hs[1](), hs[2](), hs[3]())
local shared = 0
local incs = {}
for i = 1, 3 do incs[i] = function() shared = shared + i; return shared end end
print(incs[1](), incs[2](), incs[3](), shared)
local rs, n = {}, 0
repeat
  n = n + 1
  local m = n * 2
  rs[n] = function() return m end
until m >= 6
print(#rs, rs[1](), rs[2](), rs[3]())
-- the loop control variable copy is local to the body; modifying it does not affect the loop
local seen = {}
for i = 1, 3 do
  local f = function() i = i * 100; return i end
  seen[#seen + 1] = f()
end
print(table.concat(seen, " "))
local function counter()
  local c = 0
  return function() c = c + 1; return c end, function() return c end
end
local inc1, get1 = counter()
local inc2, get2 = counter()
inc1(); inc1(); inc2()
print(get1(), get2())
