-- loops inside coroutines that yield mid-loop; the consumer loop is hot too
local gen = coroutine.wrap(function()
  local s = 0
  for i = 1, 1000 do
    s = s + i
    if i % 100 == 0 then coroutine.yield(i, s) end
  end
  return "end", s
end)
for k = 1, 11 do print(gen()) end
local co = coroutine.create(function(a)
  local total = a
  while true do
    local got = coroutine.yield(total)
    if got == nil then break end
    total = total + got
  end
  return "final", total
end)
local ok, v = coroutine.resume(co, 0)
for i = 1, 500 do ok, v = coroutine.resume(co, i) end
print(ok, v, coroutine.resume(co))
local function producer(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i * 1.5) end end)
end
local sum = 0
for v2 in producer(300) do sum = sum + v2 end
print(sum, math.type(sum))
local inner = coroutine.wrap(function()
  for i = 1, 200 do
    local ok2, e = pcall(function() if i == 150 then error("in " .. i, 0) end coroutine.yield(i) end)
    if not ok2 then coroutine.yield(e) end
  end
end)
local last
for i = 1, 200 do last = inner(); if type(last) == "string" then print(i, last) end end
print(last)
