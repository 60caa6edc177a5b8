-- a hot loop hits arithmetic on nil at iteration 300; the error is not caught (exit status 1)
local data = {}
for i = 1, 500 do data[i] = i end
data[300] = nil
local sum = 0
for i = 1, 500 do
  if i % 100 == 0 then print("at", i, sum) end
  sum = sum + data[i]
end
print("never reached", sum)
