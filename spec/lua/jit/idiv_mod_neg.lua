-- integer and float floor division / modulo by negative numbers inside hot loops
local s1, s2, s3, s4 = 0, 0, 0, 0
for i = -150, 150 do
  s1 = s1 + i // 7
  s2 = s2 + i % -7
  s3 = s3 + i // -3
  s4 = s4 + (-i) % 4
end
print(s1, s2, s3, s4)
local f1, f2 = 0, 0
for i = -100, 100 do
  f1 = f1 + (i + 0.5) // -2
  f2 = f2 + (i + 0.5) % -2
end
print(f1, f2, math.type(f1))
local row = {}
for i = -10, 10 do row[#row + 1] = (i // -4) .. "," .. (i % -4) end
print(table.concat(row, " "))
local ok, err = pcall(function()
  local acc = 0
  for d = 5, -5, -1 do acc = acc + 100 // d end
end)
print(ok, err)
local ok2, err2 = pcall(function()
  for d = 5, -5, -1 do local r = 100 % d end
end)
print(ok2, err2)
local fz = {}
for d = 2, -2, -1 do fz[#fz + 1] = tostring(7.0 // d) .. "|" .. tostring(7 % (d + 0.0)) end
print(table.concat(fz, " "))
local mm = 0
for i = 1, 100 do mm = math.mininteger // -1 + math.mininteger % -1 end
print(mm)
