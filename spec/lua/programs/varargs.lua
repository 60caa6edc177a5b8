-- varargs: select('#'), negative select, table.pack/unpack, nils inside, passing through
local function count(...) return select('#', ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(select('#', select(5, 1, 2)), pcall(select, 0, 1))
print(pcall(select, -4, 1, 2, 3))
local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 5))
print(table.unpack({}, 1, 0), (table.unpack({7, 8})))
local function pass(...) return ... end
print(pass(1, nil, nil))
print((pass(1, 2, 3)))
local function tail(...) local a, b = ...; return b, a, ... end
print(tail("x", "y", "z"))
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...) or 0) end
  return s
end
print(sum(1, 2, nil, 4), sum())
local function fix(a, b, ...) return a, b, select('#', ...) end
print(fix(1), fix(1, 2, 3, 4))
local v = function(...) local t = {"first", ...}; return #t, t[2] end
print(v(1, 2), v())
print(pcall(table.unpack, {}, 1, 1e8))
print(string.format("%d %s", ...))
