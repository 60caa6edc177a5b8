x = 1
a.b
print(x)
