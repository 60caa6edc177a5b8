local t = {10, 20}
table.insert(t, 2.0, 15)
print(table.concat(t, " "))
table.insert(t, 3.0)
print(table.concat(t, " "), math.type(t[4]))
