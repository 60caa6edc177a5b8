-- an __index function raising at level 2 on iteration 500: message points at the loop's line
local strict = setmetatable({}, {__index = function(t, k)
  if k == 500 then error("undefined key " .. k, 2) end
  return k % 7
end})
local s = 0
local ok, err = pcall(function()
  for i = 1, 1000 do
    s = s + strict[i]
  end
end)
print(ok, err, s)
local ro = setmetatable({}, {__newindex = function(t, k, v) error("read-only " .. k, 2) end})
local ok2, err2 = pcall(function()
  for i = 1, 300 do
    if i > 250 then
      ro[i] = i
    end
  end
end)
print(ok2, err2)
for i = 1, 600 do
  s = s + strict[i]
end
