-- a linear congruential generator keeps this deterministic
local seed = 12345
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648 return seed end
local t = {}
for i = 1, 5000 do t[i] = rnd() % 1000 end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[2500], t[5000])
local s = 0
for i = 1, #t, 97 do s = s + t[i] * i end
print(s)
table.sort(t, function(a, b) return a > b end)
print(t[1], t[5000])
