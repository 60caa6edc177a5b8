-- a branch whose direction alternates every iteration (and every 3rd), stressing side exits
local a, b, c = 0, 0, 0
for i = 1, 1000 do
  if i % 2 == 0 then a = a + i else b = b - i end
  if i % 3 == 0 then c = c + 1 elseif i % 3 == 1 then c = c * 2 % 1000 else c = c - 1 end
end
print(a, b, c)
local state = true
local flips = 0
for i = 1, 500 do
  state = not state
  if state then flips = flips + 1 end
end
print(flips, state)
local x = 0
for i = 1, 300 do
  x = (x % 2 == 0) and x + 3 or x * 2
end
print(x)
