local a = 1
do
  local b = 2
  print(debug.getlocal(1, 2))
end
print(type(select(2, debug.getlocal(1, 2))), (debug.getlocal(1, 2)))
local c = 3
print(debug.getlocal(1, 2))
print(debug.getlocal(1, -1))
for i = 10, 10 do
  local names = {}
  for k = 1, 10 do
    local n = debug.getlocal(1, k)
    if not n then break end
    names[#names + 1] = n
  end
  print(table.concat(names, ","))
end
for k, v in ipairs({"x"}) do
  local names = {}
  for j = 1, 10 do
    local n = debug.getlocal(1, j)
    if not n then break end
    names[#names + 1] = n
  end
  print(table.concat(names, ","))
end
