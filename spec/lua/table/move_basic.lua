local function show(t, a, b) local r = {} for i = a, b do r[#r + 1] = tostring(t[i]) end print(table.concat(r, " ")) end
local a = {1, 2, 3, 4, 5}
table.move(a, 1, 3, 3)
show(a, 1, 5)
a = {1, 2, 3, 4, 5}
table.move(a, 2, 5, 1)
show(a, 1, 5)
a = {1, 2, 3}
local b = table.move(a, 1, 3, 2, {})
show(b, 1, 4)
print(table.move(a, 1, 0, 5) == a)
local c = {}
print(table.move(a, 1, 3, 1, c) == c, #c)
a = {10, 20, 30}
table.move(a, 1, 3, -1)
show(a, -1, 3)
