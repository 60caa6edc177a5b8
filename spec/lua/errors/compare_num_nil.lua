local x
print(1 < x)
