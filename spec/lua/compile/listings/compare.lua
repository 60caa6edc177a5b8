-- comparisons with constants and registers, in value and jump contexts
local a, b, s = 5, 7.5, "str"
print(a < 10, a <= 5, a > 2, a >= 6, a == 5, a ~= 5)
print(10 < a, 5 <= a, 2 > a, 6 >= a, 5 == a, 5 ~= a)
print(a < b, a <= b, a > b, a >= b, a == b, a ~= b)
print(a == 5.0, a < 5.5, a == "5", s == "str", s ~= "x", a == nil, a ~= true)
print(a < 1000, a == 1000, a > -200, a == -1, 1.5 < a)
if a < 10 then print("lt") end
if a == 5 then print("eq") else print("ne") end
if s == "str" and a ~= 3 then print("both") end
if not (a > 3) then print("no") else print("yes") end
if a == b or s == "str" then print("or") end
local c = a == 5
local d = a ~= 5 and s
print(c, d)
