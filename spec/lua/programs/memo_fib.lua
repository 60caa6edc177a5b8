-- classic: memoised fibonacci (integer wrap beyond fib(92)), a generic memoize, and float fib
local memo = {}
local function fib(n)
  if n < 2 then return n end
  local v = memo[n]
  if v then return v end
  v = fib(n - 1) + fib(n - 2)
  memo[n] = v
  return v
end
print(fib(10), fib(50), fib(90), fib(92))
print(fib(93), fib(100))
local function memoize(f)
  local cache, hits = {}, 0
  return function(x)
    local v = cache[x]
    if v ~= nil then hits = hits + 1; return v end
    v = f(x); cache[x] = v
    return v
  end, function() return hits end
end
local slow_calls = 0
local sq, hits = memoize(function(x) slow_calls = slow_calls + 1; return x * x end)
for i = 1, 10 do sq(i % 4) end
print(slow_calls, hits())
local ffib
ffib = function(n) if n < 2 then return n + 0.0 end return ffib(n - 1) + ffib(n - 2) end
print(ffib(20), string.format("%.17g", ffib(25)))
local a, b = 0.0, 1.0
for i = 1, 100 do a, b = b, a + b end
print(a, string.format("%.17g", a))
