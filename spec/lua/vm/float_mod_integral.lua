-- Float % and // on integral values (the exact path without fmod) and on mixed float/integer
-- operands, at the edges of that path: 0 and -0, 2^52, negative operands, non-integral values.
local vals = { 0.0, -0.0, 1.0, 2.0, 3.0, 7.0, 12345.0, 2147483647.0, 2^31, 2^52 - 1, 2^52,
  2^52 + 2, 2^53, 2^60, 1e300, -1.0, -7.0, -2^52 + 1, 0.5, 2.5, -2.5, 1e-300, 1/0, -1/0 }
local ints = { 1, 2, 3, 7, 16807, 2147483647, -3, 1 << 53, math.maxinteger, math.mininteger }
local function show(x) return string.format("%.17g", x) .. (math.type(x) == "float" and "f" or "i") end
local out = {}
for _, a in ipairs(vals) do
  for _, b in ipairs(vals) do
    if b ~= 0 then out[#out + 1] = show(a % b) .. " " .. show(a // b) end
  end
  for _, k in ipairs(ints) do
    out[#out + 1] = show(a % k) .. " " .. show(a // k) .. " " .. show(k % a) .. " " .. show(k // a)
  end
end
for i = 1, #out, 8 do print(table.concat(out, " | ", i, math.min(i + 7, #out))) end

-- a Park-Miller generator in floats, as the benchmarks write it
local seed = 12345.0
local acc = 0
for _ = 1, 20000 do
  seed = (seed * 16807) % 2147483647
  acc = (acc + math.floor(seed % 97) + 1) % 1000003
end
print(show(seed), acc)

-- math.floor on floats, integers and strings (the one-float-argument path)
for _, x in ipairs({ 0.0, -0.0, 0.5, -0.5, 3.7, -3.7, 2^31 - 0.5, 2^31, -2^31 - 0.5, 2^62, 2^63, -2^63,
  1e300, 1/0, -1/0, 5, -5, math.maxinteger }) do
  io.write(show(math.floor(x)), " ")
end
print()
print(math.floor("3.5"), math.floor("-2"), pcall(math.floor), pcall(math.floor, {}))
print(math.floor(2.5, "extra"), select('#', math.floor(2.5, nil)))
