local t = {}
print(math.floor(t))
