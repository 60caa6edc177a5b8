local t = {x = {}}
print(t.x .. "s")
