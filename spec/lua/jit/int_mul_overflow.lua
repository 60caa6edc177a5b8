-- integer multiplication and subtraction wrapping in hot loops (LCG, factorial past 20!)
local f = 1
local fs = {}
for i = 1, 30 do f = f * i; if i >= 19 then fs[#fs + 1] = tostring(f) end end
print(table.concat(fs, " "))
local seed = 12345
for i = 1, 1000 do seed = seed * 6364136223846793005 + 1442695040888963407 end
print(seed, seed >> 33, seed % 1000)
local d = 0
for i = 1, 200 do d = d - math.maxinteger end
print(d)
local sq = 3037000499
for i = 1, 100 do sq = sq + 0 end
print(sq * sq, (sq + 1) * (sq + 1), math.type((sq + 1) * (sq + 1)))
local fl = 1.0
for i = 1, 30 do fl = fl * i end
print(fl, string.format("%.17g", fl))
