-- tables growing in hot loops: array part, hash part with int/string/float keys, rehash moves
local t = {}
for i = 1, 1000 do t[i] = i end
for i = 1001, 1100 do t[i * 2] = i end
local s = 0
for i = 1, 1000 do s = s + t[i] end
print(#t >= 1000, s, t[2200], t[2202])
local h = {}
for i = 1, 500 do h["k" .. i] = i end
local hs = 0
for i = 1, 500 do hs = hs + h["k" .. i] end
print(hs, h.k250, h.k501)
local fk = {}
for i = 1, 200 do fk[i + 0.0] = i; fk[i + 0.5] = -i end
local fs, neg = 0, 0
for i = 1, 200 do fs = fs + fk[i]; neg = neg + fk[i + 0.5] end
print(fs, neg, fk[3], fk[3.0], math.type(next({[2.0] = true})))
local del = {}
for i = 1, 300 do del[i] = i end
for i = 1, 300, 2 do del[i] = nil end
local c = 0
for k, v in pairs(del) do c = c + 1 end
print(c)
for i = 1, 300, 2 do del[i] = -i end
local ds = 0
for i = 1, 300 do ds = ds + del[i] end
print(ds)
