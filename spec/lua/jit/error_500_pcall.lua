-- an error raised at iteration 500 of a hot loop, caught by pcall with the right message and line
local function work(limit)
  local s = 0
  for i = 1, limit do
    if i == 500 then error("failed at " .. i) end
    s = s + i
  end
  return s
end
print(pcall(work, 499))
print(pcall(work, 1000))
local t = setmetatable({}, {__index = function(_, k) if k == 500 then error({at = k}) end return k end})
local ok, e = pcall(function()
  local s = 0
  for i = 1, 1000 do s = s + t[i] end
  return s
end)
print(ok, type(e), e.at)
local acc = 0
for round = 1, 3 do
  local ok2, err = pcall(function()
    for i = 1, 600 do
      acc = acc + 1
      if i == 500 then local x = nil; return x.field end
    end
  end)
  print(round, ok2, err, acc)
end
