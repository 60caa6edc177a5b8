-- and/or/not in value and jump contexts, constant conditions
local a, b, c = 1, nil, false
local x = a and b
local y = a or b
local z = b or c or "d"
local w = a and b or c
local v = not a
local u = not not b
print(x, y, z, w, v, u)
print(a and 2 or 3, b and 2 or 3, nil or false, false and nil, 1 and nil)
print(not nil, not 1, not "s", not 1.5, not true, not false)
if a and not b then print("t1") end
if b or c then print("t2") else print("f2") end
if not (a and b) then print("t3") end
if nil then print("never") end
if true then print("always") end
if 1 then print("one") end
local r = (a > 0) and (b == nil) or (c ~= false)
print(r)
local t = {}
t.k = a and b
t.j = a or 7
print(t.k, t.j)
