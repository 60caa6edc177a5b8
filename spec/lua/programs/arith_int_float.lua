-- integer vs float arithmetic: overflow wrap, float results, big literals, -0.0, 2^53
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = string.format("%s(%s)", tostring(v), math.type(v) or type(v))
  end
  print(table.concat(t, " "))
end
show(1 + 2, 1 + 2.0, 3 * 4, 3 * 4.0, 10 / 2, 7 / 2, 2^2, 10 - 10.0)
show(math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger)
show(math.maxinteger * 2, math.mininteger * -1, -math.mininteger)
show(math.maxinteger + 1.0, math.maxinteger + 0.0 == 2^63)
show(1e15, 1e16, 123456789012345678, 9007199254740993, 2^53, 2^53 + 1)
show(0x7fffffffffffffff, 0xffffffffffffffff, 0x10000000000000000, 9223372036854775808)
show(-0.0, 0.0, 0.0 * -1, 1 / -0.0, -0.0 + 0)
print(string.format("%.17g %.17g %.17g", 0.1, 1/3, 2^63))
show(100000000000000, 1e100, 2^1023 * 2, -(2^1023 * 2))
show(3 % -2, -3 % 2, 3.5 % -2, -3.5 % 2, 5.0 % 3)
show(7 // 0.0, -7 // 0.0, 0/0 ~= 0/0, 7 % math.huge, -7 % math.huge)
show(1e308 * 10, 5 // 0.5, 2^63 // 1, math.tointeger(3.0), math.tointeger(3.5))
show(255 // 1, 0x10, 0xA.8p1, 0x.1p4, 1E2, .5, 3., 0x1p-2)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(1 // 0.0, 1 % 0.0 ~= 1 % 0.0)
