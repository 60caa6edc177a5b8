local t = {}
print(t.count * 2)
