-- table.sort with and without comparators, stability-free checks, invalid order errors, insert/remove/move
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 10}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local words = {"banana", "Apple", "cherry", "apple", "Banana"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return a:lower() < b:lower() or (a:lower() == b:lower() and a < b) end)
print(table.concat(words, " "))
local recs = {{n = "x", v = 3}, {n = "y", v = 1}, {n = "z", v = 2}}
table.sort(recs, function(a, b) return a.v < b.v end)
print(recs[1].n, recs[2].n, recs[3].n)
local mixed = {3, 1.5, -2, 2^53, math.mininteger, 0.0}
table.sort(mixed)
print(table.concat(mixed, " "))
print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {3, 2, 1}, function(a, b) return true end))
local big = {}
for i = 1, 200 do big[i] = (i * 7919) % 211 end
table.sort(big)
local okk = true
for i = 2, #big do if big[i - 1] > big[i] then okk = false end end
print(okk, big[1], big[200])
local ins = {}
table.insert(ins, "a"); table.insert(ins, 1, "b"); table.insert(ins, 2, "c")
print(table.concat(ins, ","), pcall(table.insert, ins, 10, "x"), pcall(table.insert, ins, 1, 2, 3))
print(table.remove(ins, 1), table.remove({}), table.remove(ins), table.concat(ins, ","))
print(table.concat(table.move({1, 2, 3, 4}, 2, 4, 1), ","), table.concat(table.move({1, 2}, 1, 2, 3, {}), ",", 3, 4))
print(table.concat({1, 2, 3}, ", ", 2, 3), table.unpack(table.pack(table.unpack({1, 2, 3}))))
