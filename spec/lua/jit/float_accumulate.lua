-- floating point accumulation in hot loops: 0.1 summed 1000 times, Kahan summation, harmonic sum
local s = 0
for i = 1, 1000 do s = s + 0.1 end
print(string.format("%.17g", s), s == 100, s)
local sum, c = 0.0, 0.0
for i = 1, 1000 do
  local y = 0.1 - c
  local t = sum + y
  c = (t - sum) - y
  sum = t
end
print(string.format("%.17g", sum))
local h = 0
for i = 1, 10000 do h = h + 1 / i end
print(string.format("%.17g", h))
local p = 1.0
for i = 1, 170 do p = p * i end
print(p, string.format("%.17g", p), p * 171)
local e, term = 1.0, 1.0
for i = 1, 25 do term = term / i; e = e + term end
print(string.format("%.17g", e), e == math.exp(1))
local tiny = 1.0
local halvings = 0
while tiny > 0 do tiny = tiny / 2; halvings = halvings + 1 end
print(halvings)
