-- creating closures inside hot loops; each captures its own iteration variable
local fs = {}
for i = 1, 500 do fs[i] = function(x) return x + i end end
local s = 0
for i = 1, 500 do s = s + fs[i](i) end
print(s)
local adders = {}
local j = 0
while j < 300 do
  j = j + 1
  local k = j * 2
  adders[j] = function() k = k + 1; return k end
end
local t = 0
for i = 1, 300 do t = t + adders[i]() + adders[i]() end
print(t)
local compose = function(x) return x end
for i = 1, 120 do
  local prev = compose
  compose = function(x) return prev(x) + 1 end
end
print(compose(0))
