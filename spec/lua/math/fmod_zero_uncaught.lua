local x = 10
print(math.fmod(x, x - 10))
