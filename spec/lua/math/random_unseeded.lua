-- without a seed the sequence varies; only its shape is checked
local a = math.random(1, 10)
print(a >= 1 and a <= 10, math.type(a), math.type(math.random()))
local s1, s2 = math.randomseed()
print(math.type(s1), math.type(s2))
