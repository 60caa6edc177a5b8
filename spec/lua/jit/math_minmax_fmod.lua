-- math.min/max/fmod in hot loops: integer vs float results, mixed arguments, negative operands
local mn, mx = math.huge, -math.huge
for i = 1, 300 do
  local v = (i * 37) % 101 - 50
  if i % 2 == 0 then v = v + 0.5 end
  mn = math.min(mn, v)
  mx = math.max(mx, v)
end
print(mn, mx, math.type(mn), math.type(mx))
local c = 0
for i = 1, 200 do c = c + math.max(i, 100) - math.min(i, 100) end
print(c, math.type(c))
print(math.max(1, 2.0), math.max(2.0, 1), math.max(2, 2.0), math.max(2.0, 2), math.min(-0.0, 0), math.min(0, -0.0))
local f1, f2, f3 = 0, 0, 0
for i = -100, 100 do
  f1 = f1 + math.fmod(i, 7)
  f2 = f2 + math.fmod(i, -7)
  f3 = f3 + math.fmod(i + 0.25, 3)
end
print(f1, f2, f3, math.type(f1), math.type(f3))
local r = {}
for i = -3, 3 do r[#r + 1] = tostring(math.fmod(i, 2)) .. "/" .. tostring(math.fmod(i + 0.0, 2)) end
print(table.concat(r, " "))
print(math.fmod(math.mininteger, -1), math.fmod(5, math.huge), math.fmod(-6, 4), math.fmod(6, -4))
print(pcall(math.fmod, 5, 0), pcall(math.max), pcall(math.min, 1, "x"))
print(math.ult(1, -1), math.ult(-1, 1), math.tointeger(2^53), math.tointeger("8"), math.tointeger(2.5))
