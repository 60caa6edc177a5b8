-- a loop-carried value that is an integer until iteration 50, then a float (type guard exits)
local x = 0
local out = {}
for i = 1, 120 do
  if i == 50 then x = x + 0.5 else x = x + 1 end
  if i % 10 == 0 or i == 49 or i == 50 or i == 51 then
    out[#out + 1] = string.format("%d:%s:%s", i, tostring(x), math.type(x))
  end
end
print(table.concat(out, " "))
local y = 1
for i = 1, 100 do
  y = y * 2
  if i == 60 then y = y / 2 end
end
print(y, math.type(y), string.format("%.17g", y))
local z = 10
for i = 1, 200 do z = z // 1; if i == 150 then z = z + 0.0 end end
print(z, math.type(z))
