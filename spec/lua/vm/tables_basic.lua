local t = {1, 2, 3, x = 1, ["y"] = 2, [10] = 10}
print(#t, t.x, t.y, t[10], t[4])
t[4] = 4 print(#t)
t.x = nil print(t.x)
local u = {}
u[1.0] = "float key" print(u[1])
u[2^53] = "big" print(u[2^53])
local n = 0 for k, v in pairs({a = 1, b = 2, c = 3}) do n = n + v end print(n)
print(next({}), type(next({1})))
local nested = {a = {b = {c = "deep"}}}
print(nested.a.b.c)
print(pcall(function() local t = {} t[nil] = 1 end))
print(pcall(function() local t = {} t[0/0] = 1 end))
print(({})[nil], ({})[0/0])
