local a, b
print(a < b)
