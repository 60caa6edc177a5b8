-- -0.0 flowing through hot arithmetic: sign survives multiply/negate, vanishes on add, compares equal
local z = -0.0
local results = {}
for i = 1, 200 do
  local a = z * i
  local b = -a
  local c = a + 0.0
  local d = a - 0.0
  if i == 1 or i == 200 then
    results[#results + 1] = string.format("%.17g %.17g %.17g %.17g %s %s", a, b, c, d, tostring(a == 0), tostring(1 / a))
  end
end
print(table.concat(results, " | "))
local m = 0.0
for i = 1, 150 do m = m * -1 end
print(tostring(m), 1 / m, m == 0, math.type(m))
local n = 0
for i = 1, 100 do n = -n end
print(n, math.type(n))
local f = 0.0
for i = 1, 101 do f = -f end
print(f, string.format("%g", f), 1 / f)
local q = 0
for i = 1, 100 do q = -0.0 // 1 end
print(q, -0.0 % 5, 0.0 % -5, math.abs(-0.0), math.max(-0.0, 0.0), math.min(0.0, -0.0))
local keys = {}
for i = 1, 100 do keys[-0.0] = i end
print(keys[0], keys[0.0], keys[-0.0])
