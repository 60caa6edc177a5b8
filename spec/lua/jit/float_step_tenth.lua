-- float for loops with fractional steps: the iteration count comes from repeated addition
local n, last = 0, nil
for x = 0, 1, 0.1 do n = n + 1; last = x end
print(n, string.format("%.17g", last))
local vals = {}
for x = 0, 1, 0.1 do vals[#vals + 1] = string.format("%.17g", x) end
print(table.concat(vals, " "))
n = 0
for x = 1, 0, -0.1 do n = n + 1; last = x end
print(n, string.format("%.17g", last))
n = 0
local sum = 0
for x = 0, 100, 0.25 do n = n + 1; sum = sum + x end
print(n, sum)
n = 0
for x = 0.5, 200 do n = n + 1; last = x end
print(n, last, math.type(last))
n = 0
for x = 1, 2, 1 / 3 do n = n + 1; last = x end
print(n, string.format("%.17g", last))
n = 0
for x = 0, 0.3, 0.1 do n = n + 1 end
print(n)
n = 0
for x = 1e15, 1e15 + 10, 0.5 do n = n + 1 end
print(n)
