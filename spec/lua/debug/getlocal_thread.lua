local co = coroutine.create(function(a, b)
  local c = a + b
  coroutine.yield()
  print("after", a, b, c)
end)
coroutine.resume(co, 1, 2)
for i = 1, 4 do print(debug.getlocal(co, 0, i)) end
print(debug.setlocal(co, 0, 3, 100))
print(pcall(debug.getlocal, co, 1, 1))
coroutine.resume(co)
