-- numeric for: integer/float loops, negative and fractional steps, edge cases near maxinteger
local function run(a, b, c)
  local out = {}
  if c then
    for i = a, b, c do out[#out + 1] = tostring(i); if #out > 20 then break end end
  else
    for i = a, b do out[#out + 1] = tostring(i); if #out > 20 then break end end
  end
  print(#out, table.concat(out, " "))
end
run(1, 5)
run(5, 1)
run(5, 1, -1)
run(1, 10, 3)
run(10, 1, -4)
run(1.0, 3)
run(1, 3.5)
run(0, 1, 0.25)
run(1, 0, -0.5)
run(math.maxinteger - 2, math.maxinteger)
run(math.mininteger, math.mininteger + 2)
run(math.mininteger + 2, math.mininteger, -1)
run(math.maxinteger - 5, math.maxinteger, 4)
run(1, math.huge, math.maxinteger)
run(-3, -1)
run(3, 3)
run(1, 0)
run(1, -math.huge)
run(1, 2.5, 0.5)
run(0.1, 0.35, 0.1)
for i = 1, 3 do local j = i; i = i * 10; io.write(j, ":", i, " ") end
print()
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1.0, 10, 0.0 do end end))
print(pcall(function() for i = "a", 10 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, "x" do end end))
local n = 0
for i = 1, 3.9 do n = n + i end
print(n, math.type(n))
for i = 3, 1.5, -1 do io.write(i, math.type(i), " ") end
print()
