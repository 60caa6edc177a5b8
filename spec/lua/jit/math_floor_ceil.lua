-- math.floor/ceil in hot loops: float arguments give integers when they fit, -0.0, huge values
local fl, ce = 0, 0
for i = -100, 100 do
  fl = fl + math.floor(i / 3)
  ce = ce + math.ceil(i / 3)
end
print(fl, ce, math.type(fl), math.type(ce))
local types = {}
for i = 1, 150 do
  local x = (i < 100) and i + 0.5 or 2^(i - 80)
  local f = math.floor(x)
  types[math.type(f)] = (types[math.type(f)] or 0) + 1
  if i == 99 or i == 100 or i == 142 or i == 143 or i == 150 then print(i, f, math.type(f)) end
end
print(types.integer, types.float)
local nz = {}
for i = 1, 100 do nz[1] = math.floor(-0.0); nz[2] = math.ceil(-0.0); nz[3] = math.ceil(-0.5); nz[4] = math.floor(0.5) end
print(nz[1], nz[2], nz[3], nz[4], math.type(nz[1]), math.type(nz[3]), 1 / nz[3])
local ints = 0
for i = 1, 200 do ints = ints + math.floor(i) + math.ceil(i) end
print(ints, math.floor(math.maxinteger), math.ceil(math.mininteger))
print(math.floor(1e100), math.ceil(-1e100), math.floor(math.huge), math.ceil(-math.huge), math.floor(2^62 + 0.0))
print(math.floor(-2^63), math.type(math.floor(-2^63)), math.floor(2^63), math.type(math.floor(2^63)))
print(pcall(math.floor, "3.7"), pcall(math.floor, "x"))
