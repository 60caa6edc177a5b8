-- a variable whose type flips every 10 iterations (number/string/boolean/table), checked with type()
local kinds = {}
local v
for i = 1, 200 do
  local phase = (i - 1) // 10 % 4
  if phase == 0 then v = i elseif phase == 1 then v = "s" .. i elseif phase == 2 then v = i % 2 == 0 else v = {i} end
  local k = type(v)
  kinds[k] = (kinds[k] or 0) + 1
end
print(kinds.number, kinds.string, kinds.boolean, kinds.table)
local total = 0
for i = 1, 200 do
  local phase = (i - 1) // 10 % 3
  local x = phase == 0 and i or phase == 1 and i + 0.5 or tostring(i)
  if type(x) == "string" then total = total + #x else total = total + x end
end
print(total, math.type(total))
