local s = "x"
print(s & 1)
