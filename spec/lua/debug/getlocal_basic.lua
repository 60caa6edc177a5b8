local function f(a, b)
  local c = a + b
  local d
  do local e = 5 end
  for n = 1, 4 do
    local i = 1
    local name, value
    while true do
      name, value = debug.getlocal(1, i)
      if not name then break end
      if not name:find("^%(") then print(n, i, name, value) end
      i = i + 1
    end
    break
  end
end
f(10, 20)
print((debug.getlocal(1, 1)))
print(pcall(debug.getlocal, 50, 1))
print(debug.getlocal(1, 100))
