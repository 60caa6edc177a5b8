-- math.sqrt/abs in hot loops with integer and float arguments, negative inputs, mininteger
local s = 0
for i = 0, 400 do s = s + math.sqrt(i) end
print(string.format("%.17g", s), math.type(s))
local perfect = 0
for i = 1, 1000 do local r = math.sqrt(i); if r == math.floor(r) then perfect = perfect + 1 end end
print(perfect)
local a1, a2 = 0, 0
for i = -150, 150 do a1 = a1 + math.abs(i); a2 = a2 + math.abs(i * 0.5) end
print(a1, a2, math.type(a1), math.type(a2))
local neg = 0
for i = 1, 100 do if math.sqrt(-i) ~= math.sqrt(-i) then neg = neg + 1 end end
print(neg, math.abs(math.mininteger), math.abs(-0.0), math.sqrt(-0.0), math.abs(-math.huge))
local hyp = 0.0
for i = 1, 300 do hyp = math.sqrt(hyp * hyp + 1) end
print(string.format("%.17g", hyp), hyp == math.sqrt(300))
print(math.sqrt(2^106) == 2^53, math.sqrt(16), math.type(math.sqrt(16)), math.sqrt(math.maxinteger))
print(pcall(math.abs), pcall(math.sqrt, "4"))
