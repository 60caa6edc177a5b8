-- hot while and repeat loops: collatz lengths, gcd, loop-local in until, float-conditioned exit
local function collatz(n)
  local steps = 0
  while n ~= 1 do
    if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
    steps = steps + 1
  end
  return steps
end
local best, bestn = 0, 0
for i = 1, 3000 do local s = collatz(i); if s > best then best, bestn = s, i end end
print(best, bestn, collatz(27))
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local g = 0
for i = 1, 300 do g = g + gcd(i * 12, 360) end
print(g)
local x, it = 1.0, 0
repeat
  local nx = x - (x * x - 2) / (2 * x)
  local done = math.abs(nx - x) < 1e-15
  x = nx
  it = it + 1
until done or it > 100
print(it, string.format("%.17g", x))
local k = 0
repeat k = k + 3 until k >= 1000
print(k)
local v = 1000.0
local halvings = 0
while v > 1 do v = v / 2; halvings = halvings + 1 end
print(halvings, v)
