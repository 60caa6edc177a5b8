local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() coroutine.yield("i1") coroutine.yield("i2") end)
  coroutine.yield(inner())
  coroutine.yield(inner())
  return "outer done"
end)
print(outer(), outer(), outer())
