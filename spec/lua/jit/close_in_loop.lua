-- <close> variables declared inside a hot loop: closed every iteration, on break, and on error
local closed = 0
local function res(tag) return setmetatable({tag = tag}, {__close = function() closed = closed + 1 end}) end
for i = 1, 300 do
  local r <close> = res(i)
  if i == 250 then break end
end
print(closed)
closed = 0
local sum = 0
for i = 1, 200 do
  local a <close> = res("a")
  local b <close> = (i % 2 == 0) and res("b") or nil
  sum = sum + i
end
print(closed, sum)
closed = 0
local ok, err = pcall(function()
  for i = 1, 500 do
    local r <close> = res(i)
    if i == 321 then error("stop at " .. i) end
  end
end)
print(ok, err, closed)
local order = {}
local function tagged(t) return setmetatable({}, {__close = function() order[#order + 1] = t end}) end
for i = 1, 3 do
  local x <close> = tagged("x" .. i)
  local y <close> = tagged("y" .. i)
end
print(table.concat(order, " "))
