local function f(a, ...)
  for i = -1, -5, -1 do
    print(i, debug.getlocal(1, i))
  end
  print(debug.setlocal(1, -2, "changed"))
  print(...)
  print(debug.setlocal(1, -9, "x"))
end
f(1, "x", "y", "z")
local function g(a)
  print(debug.getlocal(1, -1))
end
g(1)
local function h(...)
  print(debug.getlocal(1, -1))
end
h()
