-- unary minus, not and length on mixed values in a hot loop (int, float, string coercion, mininteger)
local vals = {1, -2.5, "3", math.mininteger, 0, -0.0, "0x10", 2^63}
local out = {}
for rep = 1, 50 do
  for i, v in ipairs(vals) do
    local n = -v
    if rep == 50 then out[i] = tostring(n) .. "/" .. math.type(n) end
  end
end
print(table.concat(out, " "))
local truthy = 0
local things = {0, "", false, nil, {}, 0.0, "false"}
for rep = 1, 100 do for i = 1, 7 do if not things[i] then truthy = truthy + 1 end end end
print(truthy)
local bn = 0
for i = 1, 200 do bn = bn + ~i + ~-i end
print(bn)
print(pcall(function() local s = 0; for i = 1, 200 do s = s - (i == 199 and "z" or i) end end))
print(pcall(function() for i = 1, 200 do local x = -(i == 150 and {} or i) end end))
