local buf = {}
local function w(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(buf)) buf = {} end
math.randomseed(123)
local lo, hi = math.huge, -math.huge
for i = 1, 2000 do
  local r = math.random(-3, 3)
  if r < lo then lo = r end
  if r > hi then hi = r end
end
print(lo, hi)
local ok = true
for i = 1, 2000 do local f = math.random() if f < 0 or f >= 1 then ok = false end end
print(ok)
local s = 0
for i = 1, 100 do s = s + math.random(1 << 33) end
print(s)
for i = 1, 5 do w(math.random(2^53), " ") end
flush()
