local t = {1, 2}
print(table.remove(t, 3))
print(table.remove(t, 7))
