local function e(...) print(select(2, pcall(...))) end
e(table.remove, {1, 2, 3}, 5)
e(table.remove, {1, 2, 3}, -1)
e(table.remove, {}, -1)
e(table.remove, {}, 2)
e(table.remove, nil)
e(table.remove, {}, "a")
e(table.remove, {1}, 1.5)
