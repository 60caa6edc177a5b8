local a = {}
print(a.b.c)
