local c = os.clock()
print(type(c), math.type(c), c >= 0)
local s = 0
for i = 1, 200000 do s = s + i end
local d = os.clock()
print(d >= c, s)
