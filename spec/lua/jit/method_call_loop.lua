-- method calls with self in hot loops, including a method replaced on the instance mid-loop
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:move(dx, dy) self.x = self.x + dx; self.y = self.y + dy; return self end
function Point:dist2() return self.x * self.x + self.y * self.y end
local p = Point.new(0, 0)
local d = 0
for i = 1, 500 do
  p:move(1, -1)
  d = d + p:dist2()
  if i == 300 then p.move = function(self) self.x = self.x + 10; return self end end
end
print(p.x, p.y, d)
local ctr = {n = 0}
function ctr:inc(k) self.n = self.n + (k or 1) end
for i = 1, 400 do ctr:inc(); ctr:inc(i % 3) end
print(ctr.n)
local s = "abc"
local total = 0
for i = 1, 200 do total = total + s:len() + #s:upper() + s:byte(i % 3 + 1) end
print(total)
local ok, err = pcall(function()
  for i = 1, 200 do if i == 180 then p = Point end p:dist2() end
end)
print(ok, err)
