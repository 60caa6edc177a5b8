local t = {1, 2}
local k, v = next(t)
print(k, v)
k, v = next(t, k)
print(k, v)
print(next(t, 2))
print(pcall(next, t, "nope"))
print(next({}, nil))
