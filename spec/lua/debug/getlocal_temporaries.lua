local function show(...)
  local i = 1
  while true do
    local name, v = debug.getlocal(2, i)
    if not name then break end
    print(i, name, type(v))
    i = i + 1
  end
end
local function f(p)
  local x = 1
  show(p, x)
end
f("P")
local co = coroutine.wrap(function(a, b)
  local name, v = debug.getlocal(1, 1)
  print(name, v)
  print(debug.getlocal(1, 2))
end)
co(7, 8)
