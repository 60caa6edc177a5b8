local t = {}
for i = 1, 20 do t[i] = 20 - i end
table.sort(t, function(a, b) return true end)
