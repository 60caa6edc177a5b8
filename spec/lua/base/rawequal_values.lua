print(rawequal(0/0, 0/0), rawequal(1, 1.0), rawequal("1", 1), rawequal(nil, nil))
local t = {}
print(rawequal(t, t), rawequal({}, {}), rawequal(print, print))
print(pcall(rawequal, nil))
