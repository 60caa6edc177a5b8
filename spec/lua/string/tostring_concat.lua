-- numbers become strings the same way in concat, tostring, format and string functions
local vals = {1, -1, 0.5, -0.0, 1e15, 1e16, 2^53, 2^63, 1/3, 100, 100.0, math.mininteger, 1e-310}
for _, v in ipairs(vals) do
  print(v .. "", tostring(v), string.format("%s", v), string.len(v), string.sub(v, 1), string.rep(v, 1))
end
print(string.format("%.14g", 0.1), 0.1 .. "", string.upper(1e100), ("x"):rep(2, 0.5))
