local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "c")
table.insert(t, 2, "d")
table.insert(t, #t + 1, "e")
print(#t, table.concat(t, ","))
table.insert(t, 3, false)
print(#t, t[3], t[4], t[6])
