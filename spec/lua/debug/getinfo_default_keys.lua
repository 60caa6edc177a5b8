local function f()
  local keys = {}
  for k in pairs(debug.getinfo(1)) do keys[#keys + 1] = k end
  table.sort(keys)
  print(table.concat(keys, " "))
end
f()
local keys = {}
for k in pairs(debug.getinfo(print)) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
