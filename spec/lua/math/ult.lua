print(math.ult(1, 2), math.ult(2, 1), math.ult(1, 1))
print(math.ult(-1, 1), math.ult(1, -1), math.ult(math.maxinteger, math.mininteger))
print(math.ult(math.mininteger, math.maxinteger), math.ult(-2, -1))
print(math.ult(3.0, 4), math.ult("1", "2"))
local function e(...) print(select(2, pcall(...))) end
e(math.ult, 1.5, 2)
e(math.ult, 1)
e(math.ult, "a", 1)
e(math.ult, 2^63, 1)
