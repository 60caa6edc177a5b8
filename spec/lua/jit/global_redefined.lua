-- a global function called in a hot loop is redefined mid-loop; later calls must use the new one
function step(x) return x + 1 end
local s = 0
for i = 1, 300 do
  if i == 150 then step = function(x) return x + 100 end end
  s = step(s)
end
print(s)
math_floor_saved = math.floor
local r = 0
for i = 1, 200 do
  if i == 100 then math.floor = function(x) return 0 end end
  r = r + math.floor(i + 0.5)
end
math.floor = math_floor_saved
print(r, math.floor(2.5))
G = 1
local g = 0
for i = 1, 200 do
  g = g + G
  if i == 120 then G = 2.5 end
end
print(g)
function step(x) return x .. "!" end
print(pcall(function() local v = 0; for i = 1, 100 do v = step(v) end; return #v end))
