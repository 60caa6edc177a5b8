-- records with equal keys: the exact permutation depends on ltablib's pivot choices
local t = {}
for i = 1, 40 do t[i] = {k = i % 5, id = i} end
table.sort(t, function(a, b) return a.k < b.k end)
local r = {}
for i = 1, #t do r[i] = t[i].id end
print(table.concat(r, " "))
