-- classic: sieve of Eratosthenes up to 10000, prime counts per range and the last primes
local N = 10000
local composite = {}
for i = 2, math.floor(math.sqrt(N)) do
  if not composite[i] then
    for j = i * i, N, i do composite[j] = true end
  end
end
local primes = {}
for i = 2, N do if not composite[i] then primes[#primes + 1] = i end end
print(#primes, primes[1], primes[100], primes[#primes])
local buckets = {}
for _, p in ipairs(primes) do
  local b = p // 1000
  buckets[b] = (buckets[b] or 0) + 1
end
for b = 0, 9 do io.write(buckets[b], " ") end
print()
local twins = 0
for i = 2, #primes do if primes[i] - primes[i - 1] == 2 then twins = twins + 1 end end
print("twins", twins, table.concat(primes, ",", 1, 15))
