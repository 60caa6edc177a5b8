-- table.sort calling a Lua comparator thousands of times; records, ties broken explicitly
local recs = {}
local x = 7
for i = 1, 400 do
  x = (x * 1103515245 + 12345) % 2147483648
  recs[i] = {key = x % 50, id = i}
end
local calls = 0
table.sort(recs, function(a, b)
  calls = calls + 1
  if a.key ~= b.key then return a.key < b.key end
  return a.id < b.id
end)
local okorder = true
for i = 2, #recs do
  local p, q = recs[i - 1], recs[i]
  if p.key > q.key or (p.key == q.key and p.id > q.id) then okorder = false end
end
print(okorder, calls > 400, recs[1].key, recs[1].id, recs[400].key, recs[400].id)
local words = {}
for i = 1, 300 do words[i] = string.format("w%03d", (i * 37) % 300) end
table.sort(words, function(a, b) return a > b end)
print(words[1], words[2], words[300])
local nums = {}
for i = 1, 300 do nums[i] = (i % 2 == 0) and i + 0.5 or -i end
table.sort(nums)
print(nums[1], nums[150], nums[151], nums[300])
print(pcall(table.sort, {3, "x"}, function(a, b) return a < b end))
