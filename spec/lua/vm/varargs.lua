local function f(...) return select('#', ...), ... end
print(f())
print(f(nil, nil))
print(f(1, 2, 3))
local function g(a, ...) local t = {...} return a, #t, ... end
print(g(1, 2, 3, 4))
print((f(1, 2, 3)))
local function h(...) local a, b = ... return a, b end
print(h(1), h(1, 2, 3))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"))
print(pcall(select, 0, 1))
local function cnt(...) return select('#', ...) end
print(cnt(f(1, 2)), cnt(f(1, 2), 5), cnt((f(1, 2))))
