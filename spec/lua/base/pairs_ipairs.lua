local t = {10, 20, nil, 40}
for i, v in ipairs(t) do print(i, v) end
local s = 0
for k, v in pairs({1, 2, 3, x = 4}) do s = s + v end
print(s)
local keys = 0
local big = {}
for i = 1, 100 do big["k" .. i] = i end
for k, v in pairs(big) do keys = keys + 1 end
print(keys)
print(pcall(ipairs))
print(select("#", pcall(pairs, nil)))
local removed = {a = 1, b = 2, c = 3}
for k in pairs(removed) do removed[k] = nil end
print(next(removed))
