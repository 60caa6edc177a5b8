-- debug.upvalueid gives a light userdata: its type is 'userdata', but it is not a full one
local x = debug.upvalueid(function () return debug end, 1)
print(type(x))
print(pcall(debug.setuservalue, x, {}))
print(pcall(debug.getuservalue, x))
print(math.type(x), x == debug.upvalueid(function () return debug end, 1))
print(pcall(function () return x + 1 end))
