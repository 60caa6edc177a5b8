-- __pairs may yield: pairs calls it with a continuation
local t = setmetatable({10, 20, 30}, {__pairs = function (t)
  local inc = coroutine.yield("in __pairs")
  return function (t, i)
           if i > 1 then return i - inc, t[i - inc] else return nil end
         end, t, #t + 1
end})
local res = {}
local co = coroutine.wrap(function ()
  for i, p in pairs(t) do res[#res + 1] = p end
  return "done"
end)
print(co())
print(co(1))
print(#res, res[1], res[2], res[3])
-- pairs without __pairs
local n = 0
for k, v in pairs({1, 2, 3}) do n = n + v end
print(n)
print(pcall(pairs))
