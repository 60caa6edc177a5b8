local x
print(x.y)
