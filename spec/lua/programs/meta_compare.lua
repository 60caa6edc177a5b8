-- __eq, __lt, __le: when they are consulted, result coercion to boolean, mixed types
local mt = {}
local function V(n) return setmetatable({n = n}, mt) end
mt.__eq = function(a, b) return a.n == b.n end
mt.__lt = function(a, b) return a.n < b.n end
mt.__le = function(a, b) return a.n <= b.n end
local a, b, c = V(1), V(2), V(1)
print(a == c, a ~= c, a == b, a < b, a <= c, a > b, b >= a, rawequal(a, c))
-- __eq is not consulted for identical objects or different types
local calls = 0
local e = setmetatable({}, {__eq = function() calls = calls + 1; return true end})
print(e == e, e == 1, e == "x", calls)
print(e == setmetatable({}, {}), calls)
print(setmetatable({}, {}) == e, calls)
-- results converted to booleans
local w = setmetatable({}, {__lt = function() return "yes" end, __le = function() return nil end})
print(w < w, w <= w, not (w < w))
-- __lt mixing tables and numbers
local m = setmetatable({}, {__lt = function(x, y)
  return (type(x) == "table" and 0 or x) < (type(y) == "table" and 0 or y)
end})
print(m < 1, -1 < m, 1 < m)
print(pcall(function() return m <= 1 end))
-- sorting objects by __lt
local list = {V(5), V(3), V(9), V(1)}
table.sort(list)
local out = {}
for i, v in ipairs(list) do out[i] = v.n end
print(table.concat(out, " "))
print(pcall(function() return {} < {} end))
print(pcall(function() return V(1) < 1 end))
print(pcall(function() return 1 <= "x" end))
print(1 == 1.0, math.maxinteger == 2^63, math.maxinteger + 0.0 == 2^63, 2^53 == 2^53 + 1)
print(math.maxinteger < 2^63, math.maxinteger <= 2^63, math.mininteger == -2^63, 1 < 0/0, 0/0 ~= 0/0)
