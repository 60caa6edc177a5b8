local function e(...) print(select(2, pcall(...))) end
e(table.insert, {1, 2, 3}, 5, "x")
e(table.insert, {1, 2, 3}, 0, "x")
e(table.insert, {1, 2, 3}, -1, "x")
e(table.insert, {}, 1, 2, 3)
e(table.insert, {})
e(table.insert, nil, 1)
e(table.insert, "abc", 1)
e(table.insert, {}, 1.5, 1)
e(table.insert, {}, "x", 1)
e(table.insert, {}, "2", 1)
local t = {}
print(pcall(table.insert, t, "1", "ok"), t[1])
