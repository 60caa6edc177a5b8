local t = {1, 2, 3, 4, 5}
print(table.remove(t), #t)
print(table.remove(t, 1), #t, table.concat(t, ","))
print(table.remove(t, 2), #t, table.concat(t, ","))
print(table.remove(t, #t + 1), #t)
local e = {}
print(table.remove(e), #e)
print(table.remove(e, 0), table.remove(e, 1))
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
