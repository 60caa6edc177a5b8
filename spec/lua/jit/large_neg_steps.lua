-- numeric for with large and negative steps, steps that skip past the limit, huge limits
local function count(a, b, c)
  local n, last = 0, nil
  for i = a, b, c do n = n + 1; last = i end
  return n, last
end
print(count(1, 1000, 7))
print(count(1000, 1, -7))
print(count(0, 1e6, 1000))
print(count(100, -100, -3))
print(count(1, 10, 100))
print(count(10, 1, -100))
print(count(math.mininteger, math.maxinteger, 2^62 | 0))
print(count(math.maxinteger, math.mininteger, math.mininteger))
print(count(0, math.maxinteger, math.maxinteger // 200))
print(count(-1, -300, -1))
print(count(1, 200, 1.5))
print(count(200, 1, -2.5))
print(count(1, 2^63, 2^60))
print(count(0, -2^63, -(2^61)))
print(count(1, math.huge, math.maxinteger))
print(count(-1, -math.huge, math.mininteger))
print(count(1, 100.5, 1))
print(count(1, -0.5, -1))
