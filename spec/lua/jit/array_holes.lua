-- hot loops over arrays with holes: ipairs stops at the first nil, numeric loops see nils
local t = {}
for i = 1, 300 do if i % 7 ~= 0 then t[i] = i end end
local n = 0
for _, v in ipairs(t) do n = n + 1 end
print(n)
local s, holes = 0, 0
for i = 1, 300 do if t[i] then s = s + t[i] else holes = holes + 1 end end
print(s, holes)
local sparse = {}
for i = 1, 1000, 10 do sparse[i] = i end
local cnt = 0
for i = 1, 1000 do if sparse[i] ~= nil then cnt = cnt + 1 end end
print(cnt, sparse[991], sparse[992])
local keys = 0
for k, v in pairs(sparse) do keys = keys + 1 end
print(keys)
local a = {1, 2, 3, 4, 5}
for i = 1, 200 do a[i + 5] = i end
for i = 100, 150 do a[i] = nil end
local total = 0
for i = 1, 205 do total = total + (a[i] or 0) end
print(total)
local filled = {}
for i = 300, 1, -1 do filled[i] = i * 2 end
print(#filled, filled[1], filled[300])
