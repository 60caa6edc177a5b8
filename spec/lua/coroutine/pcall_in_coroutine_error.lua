local co = coroutine.wrap(function()
  local ok, e = pcall(function()
    coroutine.yield("y1")
    local t = nil
    return t.x
  end)
  coroutine.yield(ok, e)
  return "after"
end)
print(co())
print(co())
print(co())
