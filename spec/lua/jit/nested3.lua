-- three nested hot loops with inner-loop-dependent bounds, inner breaks and accumulators
local total, trips = 0, 0
for i = 1, 20 do
  for j = i, 20 do
    for k = 1, j - i + 1 do
      total = total + i * j - k
      trips = trips + 1
    end
  end
end
print(total, trips)
local pyth = {}
for a = 1, 40 do
  for b = a, 40 do
    for c = b, 60 do
      if a * a + b * b == c * c then pyth[#pyth + 1] = a .. "-" .. b .. "-" .. c; break end
      if c * c > a * a + b * b then break end
    end
  end
end
print(#pyth, table.concat(pyth, " ", 1, 8))
local grid = {}
for x = 1, 10 do
  grid[x] = {}
  for y = 1, 10 do
    local s = 0
    for z = 1, 10 do s = s + (x * y * z) % 7 end
    grid[x][y] = s
  end
end
print(grid[1][1], grid[5][7], grid[10][10])
local w = 0
local i = 0
while i < 10 do
  i = i + 1
  local j = 0
  repeat
    j = j + 1
    for k = 1, 5 do w = w + ((i + j + k) % 3 == 0 and 1 or 0) end
  until j == 10
end
print(w)
