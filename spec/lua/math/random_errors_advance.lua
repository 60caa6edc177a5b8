-- a failing call still draws one value, as lmathlib does
math.randomseed(5)
pcall(math.random, 3, 1)
pcall(math.random, 1, 2, 3)
pcall(math.random, 1.5)
print(math.random(1, 1000000))
math.randomseed(5)
math.random(); math.random(); math.random()
print(math.random(1, 1000000))
