-- one loop of 10^6 iterations with integer and float accumulators (must stay fast)
local s, f, x = 0, 0.0, 0
for i = 1, 1000000 do
  s = s + i
  f = f + 0.5
  x = x ~ i
end
print(s, f, x)
