-- a table field read in a hot loop changes type mid-loop (int -> float -> string -> table)
local obj = {v = 1}
local out = {}
for i = 1, 300 do
  if i == 100 then obj.v = 1.5 end
  if i == 200 then obj.v = "7" end
  local r = obj.v * 2
  if i % 50 == 0 or i == 99 or i == 100 or i == 200 then out[#out + 1] = i .. ":" .. tostring(r) .. ":" .. math.type(r) end
end
print(table.concat(out, " "))
local ok, err = pcall(function()
  for i = 1, 200 do
    if i == 150 then obj.v = {} end
    local r = obj.v + 1
  end
end)
print(ok, err)
local arr = {}
for i = 1, 200 do arr[i] = i end
arr[120] = "s"
local cnt = {}
for i = 1, 200 do local t = type(arr[i]); cnt[t] = (cnt[t] or 0) + 1 end
print(cnt.number, cnt.string)
