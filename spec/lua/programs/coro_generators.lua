-- coroutine generators: fibonacci, tree walk, producer/consumer filter pipeline
local function gen(n)
  return coroutine.wrap(function()
    local a, b = 0, 1
    for i = 1, n do coroutine.yield(a); a, b = b, a + b end
  end)
end
local out = {}
for v in gen(15) do out[#out + 1] = v end
print(table.concat(out, " "))
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}, r = {v = 7}}}
local function walk(node)
  if node then walk(node.l); coroutine.yield(node.v); walk(node.r) end
end
out = {}
for v in coroutine.wrap(function() walk(tree) end) do out[#out + 1] = v end
print(table.concat(out, " "))
local function producer()
  return coroutine.create(function()
    for _, w in ipairs({"alpha", "beta", "gamma", "delta"}) do coroutine.yield(w) end
    return nil
  end)
end
local function filter(src)
  return coroutine.create(function()
    while true do
      local ok, w = coroutine.resume(src)
      if not w then return end
      if #w == 5 then coroutine.yield(w:upper()) end
    end
  end)
end
local f = filter(producer())
while true do
  local ok, w = coroutine.resume(f)
  if not w then break end
  io.write(w, " ")
end
print()
print(coroutine.status(f), coroutine.resume(f))
local sq = coroutine.wrap(function(n) while true do n = coroutine.yield(n * n) end end)
print(sq(3), sq(4), sq(5))
