-- a branch inside a hot loop that is never taken until late (iteration 900 of 1000)
local a, b = 0, 0
for i = 1, 1000 do
  if i >= 900 then b = b + i else a = a + 1 end
end
print(a, b)
local count = 0
local flag = false
for i = 1, 500 do
  if flag then count = count + 100 end
  if i == 400 then flag = true end
  count = count + 1
end
print(count)
local function classify(n)
  if n < 1000 then return "small" end
  return "big"
end
local res = {}
for i = 990, 1010, 1 do
  local c = classify(i)
  if res[#res] ~= c then res[#res + 1] = c .. "@" .. i end
end
print(table.concat(res, " "))
