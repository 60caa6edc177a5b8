-- creating, resuming and finishing a coroutine on every iteration of a hot loop
local total = 0
for i = 1, 300 do
  local co = coroutine.create(function(a) local b = coroutine.yield(a * 2); return a + b end)
  local _, x = coroutine.resume(co, i)
  local _, y = coroutine.resume(co, x)
  total = total + y
  if i == 300 then print(coroutine.status(co), coroutine.resume(co)) end
end
print(total)
local errs = 0
for i = 1, 200 do
  local ok = coroutine.resume(coroutine.create(function() if i % 25 == 0 then error("e") end end))
  if not ok then errs = errs + 1 end
end
print(errs)
local w = 0
for i = 1, 200 do w = w + coroutine.wrap(function(...) return select('#', ...) end)(i, nil, i) end
print(w)
