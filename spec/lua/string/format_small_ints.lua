-- string.format with integer arguments: small ones (passed to the core without BigInt),
-- around 2^53, the int64 extremes, every integer conversion and flag, %c %q %s %g of integers,
-- more than 31 arguments (the fast path covers the first 31).
local vals = {0, 1, -1, 255, -255, 2^53|0, -(2^53|0), (2^53|0)+1, math.maxinteger, math.mininteger, 123456789, -987654321, 2^31|0, -(2^31|0), 4294967295, -4294967296, 9007199254740991, -9007199254740991, 9007199254740992, -9007199254740993}
local fmts = {"%d", "%i", "%u", "%x", "%X", "%o", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%.0d", "%#x", "%#X", "%#o", "%8.3x", "%-8X|", "%c", "%q", "%s", "%10s|", "%g", "%.3f", "%5.1e", "%a"}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do
    local ok, r = pcall(string.format, f, v)
    row[#row+1] = ok and r or ("ERR:" .. r)
  end
  print(f, table.concat(row, " "))
end
print(string.format("%d %s %d %x", 1, 2, 3.0, 255), pcall(string.format, "%d", 3.5))
print(string.format("%5s|%-5s|%.2s", 42, -7, 12345))
local many = {}
for i = 1, 40 do many[i] = i * 1000 - 500 end
print(string.format(string.rep("%d,", 40), table.unpack(many)))
print(string.format(string.rep("%x,", 40), table.unpack(many)))
print(string.format("%q", 0), string.format("%q", -0.0), string.format("%5.2s|", "abc"))
print(pcall(string.format, "%d"), pcall(string.format, "%10.3q", 1))
print(string.format("%.0x|%.0d|%#.0o|%#.0x", 0, 0, 0, 0))
