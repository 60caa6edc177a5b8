-- while and repeat loops as trace roots: exits through the condition, break, goto,
-- types changing mid-loop, nested for/while mixes
local i, s = 0, 0
while i < 1000 do i = i + 1; s = s + i * 2 end
print(i, s)

local x, n = 1.0, 0
repeat x = x * 1.5; n = n + 1 until x > 1e100
print(x, n)

local t = 0
for j = 1, 100 do
  local k = 0
  while k < j do k = k + 3; t = t + k end
end
print(t)

local a, b = 0, 0
while true do
  a = a + 1
  if a % 3 == 0 then b = b + a end
  if a > 500 then break end
end
print(a, b)

-- an integer that turns into a float mid-loop
local v, steps, lim = 1, 0, 1 << 61
while steps < 100 do
  if v < lim then v = v * 3 else v = v * 3.5 end
  steps = steps + 1
end
print(math.type(v), v, steps)

-- the accumulator changes type half way: the trace exits and the loop goes on
local acc, c = 0, 0
while c < 300 do
  c = c + 1
  if c == 150 then acc = acc + 0.5 else acc = acc + c end
end
print(acc, c)

-- repeat whose condition reads a local of the body
local r = 0
repeat local q = r * 2; r = r + 1 until q >= 400
print(r)

-- goto back to the loop start
do
  local g, h = 0, 0
  ::top::
  g = g + 1
  if g % 2 == 0 then h = h + g end
  if g < 777 then goto top end
  print(g, h)
end

-- nested while loops
local outer, total = 0, 0
while outer < 60 do
  outer = outer + 1
  local inner = outer
  while inner > 0 do inner = inner - 2; total = total + inner end
end
print(outer, total)

-- float while with fractional steps, -0.0 and NaN flowing through
local f, cnt = 10.0, 0
while f > -10.0 do f = f - 0.25; cnt = cnt + 1 end
print(f, cnt)
local z, nan, m = -0.0, 0/0, 0
while m < 200 do m = m + 1; z = z * 1.0; nan = nan + 1 end
print(1 / z, nan ~= nan, m)
