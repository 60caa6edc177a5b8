local total = 0
for i = 1, 300 do
  local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return a * b end)
  local _, x = coroutine.resume(co, i)
  local _, y = coroutine.resume(co, 2)
  total = total + x + y
  if i % 50 == 0 then collectgarbage() end
end
print(total)
