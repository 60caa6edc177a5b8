-- counts and logs comparator calls: the sequence must follow ltablib's quicksort
local calls = {}
local t = {9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10}
table.sort(t, function(a, b) calls[#calls + 1] = a .. "<" .. b; return a < b end)
print(#calls)
print(table.concat(calls, " "))
print(table.concat(t, " "))
