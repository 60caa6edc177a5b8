-- pack/unpack corners: i16 with sign extension, j limits, options with spaces
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack(">i16", -2)), hex(string.pack("<I16", 1)))
print(string.unpack("<i16", string.pack("<i16", -3)), string.unpack(">I16", string.rep("\0", 15) .. "\5"))
print(pcall(string.unpack, "<i16", string.rep("\0", 8) .. "\1" .. string.rep("\0", 7)))
print(pcall(string.unpack, "<I16", string.rep("\255", 16)))
print(string.unpack("<i16", string.rep("\255", 16)))
print(hex(string.pack(" < i2 > i2 ", 1, 1)), string.packsize("  "), string.unpack("  ", ""))
print(hex(string.pack("I1 I1", 255, 0)), pcall(string.pack, "I1", 256))
print(hex(string.pack("i8", math.mininteger)), string.unpack("i8", string.pack("i8", math.mininteger)))
print(hex(string.pack("f", 1/0)), hex(string.pack(">d", -0.0)), string.unpack("f", string.pack("f", 3.5)))
print(string.pack("z", ""):len(), string.pack("s", ""):len(), string.unpack("s", string.pack("s", "")) == "")
