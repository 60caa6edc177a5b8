-- string.dump and load: a dumped function loads back and runs
local function f(a, b) local c = a + b; return c * 2, c end
local d = string.dump(f)
print(type(d), d:sub(1, 4) == "\27Lua", d:byte(5), #d > 20)
local g = assert(load(d, "somename"))
print(g(1, 2), g(10, 0.5))
print(pcall(g, {}, 1))
local k = load(string.dump(function(...)
  return select('#', ...), 1.5, "s", 2^63, math.mininteger, nil, true, false, -0.0, 1e300, ("x"):rep(50)
end))
print(k(1, 2, 3))
print(load(string.dump(load("x = 1; return x + 1")))(), x)
local nested = load(string.dump(function(n)
  local function fact(i) if i <= 1 then return 1 end return i * fact(i - 1) end
  local t = {}
  for i = 1, n do t[i] = function() return fact(i) end end
  return t[n]()
end))
print(nested(10))
print(string.dump(f) == string.dump(f), string.dump(f) == d)
