local function cb(x, y)
  for i = 1, 3 do
    local n, v = debug.getlocal(2, i)
    print(i, n, type(v))
  end
  return x < y
end
table.sort({"b", "a"}, cb)
