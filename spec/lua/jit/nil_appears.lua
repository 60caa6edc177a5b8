-- a nil appears mid-loop: reading it is fine, arithmetic on it raises with the variable's name
local t = {}
for i = 1, 200 do t[i] = i end
t[150] = nil
local sum, nils = 0, 0
for i = 1, 200 do
  local v = t[i]
  if v == nil then nils = nils + 1 else sum = sum + v end
end
print(sum, nils)
local ok, err = pcall(function()
  local s = 0
  for i = 1, 200 do s = s + t[i] end
  return s
end)
print(ok, err)
local cfg = {step = 1}
local ok2, err2 = pcall(function()
  local x = 0
  for i = 1, 300 do
    if i == 222 then cfg.step = nil end
    x = x + cfg.step
  end
end)
print(ok2, err2)
local last
for i = 1, 100 do last = (i < 90) and i or nil end
print(last)
