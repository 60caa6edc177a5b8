local co = coroutine.wrap(function()
  return xpcall(function() local v = coroutine.yield("in xpcall") error("E" .. v, 0) end,
    function(m) return "handled " .. m end)
end)
print(co())
print(co("!"))
