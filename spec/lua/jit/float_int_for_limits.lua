-- numeric for where start/limit/step mix ints and floats: loop type and limit clipping rules
local function run(a, b, c)
  local n, first, last = 0, nil, nil
  for i = a, b, c or 1 do n = n + 1; first = first or i; last = i end
  return n .. ":" .. tostring(first) .. ":" .. tostring(last) .. ":" .. tostring(math.type(last))
end
print(run(1, 100.7))
print(run(1, -100.7, -1))
print(run(1.0, 100))
print(run(1, 100, 1.0))
print(run(1, 1e20, 1e18))
print(run(math.maxinteger - 3, 2^63))
print(run(math.mininteger + 3, -2^63 - 1e5, -1))
print(run(-1, -2^63, -(2^62) | 0))
print(run(100, 0.5, -25))
print(run(0.1, 0.10000000000000001))
print(run(1, math.maxinteger + 0.0, math.maxinteger))
print(run(3, 2.9999))
print(run(-3, -3.5, -1))
