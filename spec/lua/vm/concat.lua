print("a" .. "b" .. "c", 1 .. 2, 1.5 .. "", -0.0 .. "", 2^63 .. "")
print("x" .. 10 // 3, 10 / 2 .. "")
local t = {}
for i = 1, 5 do t[i] = i end
local s = ""
for i = 1, #t do s = s .. t[i] .. (i < #t and "," or "") end
print(s)
print(pcall(function() return "a" .. {} end))
print(pcall(function() return nil .. "a" end))
print(pcall(function() local x return "a" .. x end))
print(pcall(function() return 1 .. true end))
