-- the E and O modifiers (C locale: same text as the plain conversions)
local mods = {"Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou",
  "OU", "OV", "Ow", "OW", "Oy"}
for _, m in ipairs(mods) do
  print(m, os.date("!%" .. m, 1234567890), os.date("!%" .. m:sub(2), 1234567890))
end
print(os.date("!plain text %% and %Y%m%d", 0))
print(os.date("!", 0) == "")
print(#os.date("!%c"))
