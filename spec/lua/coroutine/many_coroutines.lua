local cos = {}
for i = 1, 1000 do cos[i] = coroutine.wrap(function() local n = i while true do coroutine.yield(n) n = n + 1 end end) end
local s = 0
for r = 1, 3 do for i = 1, 1000 do s = s + cos[i]() end end
print(s)
