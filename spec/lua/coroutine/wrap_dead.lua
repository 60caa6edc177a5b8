local w = coroutine.wrap(function() return 1 end)
print(w())
print(pcall(w))
