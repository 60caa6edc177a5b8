local p = print
p(math.cosh(0), math.cosh(1), math.sinh(0), math.sinh(1), math.tanh(0), math.tanh(1), math.tanh(100))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1/3), math.pow(0, 0), math.pow(2, -1))
print(math.type(math.pow(2, 2)), math.pow("3", 2))
print(pcall(math.pow, 2))
