local s = 0.0
for i = 1, 10 do s = s + 0.1 end
print(s, s == 1.0, s < 1.0)
local n = 0
for x = 1.0, 0.0, -0.25 do n = n + 1 end
print(n)
for x = -0.0, 0 do print(x) end
print(3 % -2.0, -3 % 2.0, 3.5 // -1, -3.5 // 1, 7 // 0.5)
