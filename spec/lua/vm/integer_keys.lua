local t = {}
t[1] = "a" t[1.0] = "b" print(t[1])
t[3] = "c" print(t[3.0], #t >= 1)
t[-1] = "neg" t[0] = "zero" print(t[-1], t[0])
t[2^63] = "f" print(t[2^63], t[math_x])
local k = 9223372036854775807 t[k] = "max" print(t[k])
