-- table constructors: positional, keyed, computed keys, trailing calls/varargs, nesting
local function three() return 1, 2, 3 end
local function none() end
local t = {three()}
print(#t, t[1], t[3])
t = {three(), three()}
print(#t, table.concat(t, ","))
t = {(three())}
print(#t)
t = {three(), 10}
print(#t, table.concat(t, ","))
t = {none()}
print(#t, t[1])
t = {none(), none()}
print(#t, t[1], t[2])
local function va(...) return {...}, select('#', ...) end
local a, n = va(1, nil, 3)
print(n, a[1], a[2], a[3])
t = {x = 1, ["y"] = 2, [1 + 1] = "two", "one", [3.0] = "three", [-1] = "neg"; z = 3}
print(t.x, t.y, t[1], t[2], t[3], t[-1], t.z, #t)
t = {[1] = "a", "b"}
print(t[1])
local nested = {a = {b = {c = {1, 2, {3, 4, {5}}}}}}
print(nested.a.b.c[3][3][1], #nested.a.b.c)
t = {1, 2, 3, nil}
print(#t)
t = {f = function(self) return self.v end, v = 9}
print(t:f(), t.f(t))
local keys = {}
for k in pairs({10, 20, 30, a = 1, b = 2, c = 3}) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
print(pcall(function() return {[nil] = 1} end))
print(pcall(function() return {[0/0] = 1} end))
t = {[2^53] = "big", [1.5] = "f"}
print(t[2^53], t[9007199254740992], t[1.5], math.type(next({[3.0] = 1})))
