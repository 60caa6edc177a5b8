-- a metatable is set on a table in the middle of a hot loop: __index and __newindex start to apply
local t = {}
local log = {}
for i = 1, 200 do
  if i == 100 then
    setmetatable(t, {__index = function(_, k) return -k end,
                     __newindex = function(tt, k, v) rawset(tt, k, v * 10) end})
  end
  local before = t[i]
  t[i] = i
  if i % 25 == 0 or i == 99 or i == 100 or i == 101 then log[#log + 1] = tostring(before) .. "/" .. t[i] end
end
print(table.concat(log, " "))
local a = {x = 1}
local s = 0
for i = 1, 300 do
  if i == 150 then setmetatable(a, {__index = {y = 5}}) end
  s = s + a.x + (a.y or 0)
end
print(s)
local v = setmetatable({}, {__add = function(p, q) return 1000 end})
local acc = 0
for i = 1, 200 do
  local operand = i > 180 and v or i
  acc = acc + operand
end
print(acc)
