local t = {1}
table.insert(t, 1, 2, 3)
