-- pairs/next over hash tables inside hot loops: order-independent sums and key counts
local t = {}
for i = 1, 100 do t["k" .. i] = i; t[i] = -i end
local total, keys = 0, 0
for rep = 1, 20 do
  for k, v in pairs(t) do total = total + v; keys = keys + 1 end
end
print(total, keys)
local strs, nums = 0, 0
local k, v = next(t)
while k do
  if type(k) == "string" then strs = strs + 1 else nums = nums + 1 end
  k, v = next(t, k)
end
print(strs, nums)
local sorted = {}
for k in pairs({z = 1, a = 2, m = 3, b = 4}) do sorted[#sorted + 1] = k end
table.sort(sorted)
print(table.concat(sorted))
local tally = 0
for i = 1, 200 do for _, v in ipairs({1, 2, 3}) do tally = tally + v end end
print(tally)
