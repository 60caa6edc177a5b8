local producer = coroutine.create(function()
  for i = 1, 5 do coroutine.yield(i * i) end
  return nil
end)
local sum = 0
while true do
  local ok, v = coroutine.resume(producer)
  if not v then break end
  sum = sum + v
end
print(sum, coroutine.status(producer))
