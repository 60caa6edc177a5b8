print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(1 // 0.0, 1 % 0.0 ~= 1 % 0.0)
local function d(a, b) return a // b end print(d(10, 0))
