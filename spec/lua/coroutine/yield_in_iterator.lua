local co = coroutine.wrap(function()
  for k in function(_, i) i = (i or 0) + 1 if i <= 3 then coroutine.yield("it" .. i) return i end end do
    print("loop", k)
  end
  return "over"
end)
for i = 1, 4 do print(co()) end
