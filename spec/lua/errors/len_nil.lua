local t = {}
print(#t.list)
