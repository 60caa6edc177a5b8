local f = load("return x", "c", "t", nil)
print(pcall(f))
local g = load("x = 1", "=c2", "t", nil)
print(pcall(g))
