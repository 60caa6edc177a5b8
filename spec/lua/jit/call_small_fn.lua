-- hot loops calling small Lua functions: leaf calls, multiple returns, varargs, and recursion
local function sq(x) return x * x end
local function addmul(a, b) return a + b, a * b end
local function first(...) return (...) end
local function count(...) return select('#', ...) end
local s, p, f, c = 0, 0, 0, 0
for i = 1, 500 do
  s = s + sq(i)
  local a, m = addmul(i, 2)
  p = p + a - m
  f = f + first(i, "x", nil)
  c = c + count(i, nil, i)
end
print(s, p, f, c)
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local fs = {}
for i = 0, 20 do fs[#fs + 1] = fib(i) end
print(table.concat(fs, " "))
local function maybe(i) if i % 3 == 0 then return nil end return i end
local sum, nils = 0, 0
for i = 1, 300 do local v = maybe(i); if v then sum = sum + v else nils = nils + 1 end end
print(sum, nils)
local fns = {function(x) return x + 1 end, function(x) return x * 2 end, function(x) return x - 3 end}
local v = 0
for i = 1, 300 do v = fns[i % 3 + 1](v) % 1000003 end
print(v)
