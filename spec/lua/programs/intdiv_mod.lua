-- floor division and modulo with negative operands, zero divisors and extreme integers
local vals = {7, -7, 3, -3, 0}
for _, a in ipairs(vals) do
  local row = {}
  for _, b in ipairs({2, -2, 3, -3}) do
    row[#row + 1] = string.format("%d//%d=%d %d%%%d=%d", a, b, a // b, a, b, a % b)
  end
  print(table.concat(row, "  "))
end
for _, a in ipairs({7.5, -7.5, 0.0, -0.0}) do
  print(a, a // 2, a % 2, a // -2, a % -2)
end
print(math.mininteger // -1, math.mininteger % -1, math.mininteger // 1)
print(math.maxinteger // -1, math.maxinteger % 2, math.mininteger % 2)
print(pcall(function(a) return a // 0 end, 5))
print(pcall(function(a) return a % 0 end, 5))
print(5 // 0.0, -5 // 0.0, 0 // 0.0 ~= 0 // 0.0)
print(5 % -0.0 ~= 5 % -0.0, math.fmod(-7, 2), math.fmod(7, -2), math.fmod(-7.0, 2))
print(pcall(math.fmod, 1, 0))
print(math.fmod(1, 0.0) ~= math.fmod(1, 0.0), math.fmod(math.mininteger, -1))
print(3 % math.huge, -3 % math.huge, 3 % -math.huge, -3 % -math.huge)
