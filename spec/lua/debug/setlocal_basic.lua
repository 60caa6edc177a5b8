local function f()
  local a, b = 1, 2
  print(debug.setlocal(1, 1, "one"))
  print(debug.setlocal(1, 2, nil))
  print(debug.setlocal(1, 10, 0))
  print(a, b)
end
f()
local function g()
  local x = 5
  local function change() print(debug.setlocal(2, 1, 99)) end
  change()
  return x
end
print(g())
print(pcall(debug.setlocal, 40, 1, 1))
print(pcall(debug.setlocal, 1, 1))
