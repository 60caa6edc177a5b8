local calls = 0
local function f(v) calls = calls + 1 return v end
print(f(false) and f(1), calls)
print(f(1) or f(2), calls)
print(f(nil) or f(false) or f("last"), calls)
print(not not f(0), calls)
local t = nil
print(t and t.x, t == nil or t.x)
