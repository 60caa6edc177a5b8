-- a value that turns from number into a (numeric) string at iteration 70, still used in arithmetic
local v = 1
local acc = 0
for i = 1, 150 do
  if i == 70 then v = "2" end
  if i == 100 then v = "0x10" end
  if i == 120 then v = " 3.5 " end
  acc = acc + v
  if i % 10 == 0 or i == 69 or i == 70 then io.write(i, "=", tostring(acc), "(", math.type(acc), ") ") end
end
print()
local s = 0
for i = 1, 100 do
  s = i < 70 and s + i or s .. ""
end
print(s, type(s))
local t = 0
local ok, err = pcall(function()
  for i = 1, 200 do
    local w = i == 140 and "x" or i
    t = t + w
  end
end)
print(ok, err, t)
