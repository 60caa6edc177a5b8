local t = {5, 3, 9, 1, 7, 2, 8, 6, 4, 0}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local f = {3.5, -1, 2, 1e10, -math.huge, math.huge, 0, 2.25}
table.sort(f)
print(table.concat(f, " "))
local one = {1}
table.sort(one)
print(one[1])
local empty = {}
table.sort(empty)
print(#empty)
