-- custom iterators: stateless (state + control), stateful closures, and coroutine-based
local function evens(max, cur)
  cur = cur + 2
  if cur <= max then return cur end
end
for x in evens, 10, 0 do io.write(x, " ") end
print()
local function range(n, step)
  local i = 0
  return function()
    i = i + (step or 1)
    if i <= n then return i, i * i end
  end
end
for i, sq in range(5) do io.write(i, "^2=", sq, " ") end
print()
for i in range(10, 3) do io.write(i, " ") end
print()
local function chars(s)
  return function(str, i)
    i = i + 1
    if i <= #str then return i, str:sub(i, i) end
  end, s, 0
end
for i, c in chars("lua") do io.write(i, c, " ") end
print()
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
for p in permutations({"a", "b", "c"}) do io.write(table.concat(p), " ") end
print()
local function words(s)
  return s:gmatch("%a+")
end
local list = {}
for w in words("the quick brown fox") do list[#list + 1] = w:upper() end
print(table.concat(list, "-"))
-- iterator returning multiple values, only first is control
local function pairsrev(t)
  return function(t, i) i = i - 1; if i > 0 then return i, t[i], "extra" end end, t, #t + 1
end
for i, v, e in pairsrev({"x", "y", "z"}) do io.write(i, v, e, " ") end
print()
