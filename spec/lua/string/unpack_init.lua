-- unpack's init position and the returned next position
local data = string.pack("i2 i2 i2", 10, 20, 30)
print(string.unpack("i2", data), string.unpack("i2", data, 3), string.unpack("i2", data, -2))
print(string.unpack("i2 i2", data, 2))
print(string.unpack("", data), string.unpack("", data, 7), string.unpack("", data, -100))
print(pcall(string.unpack, "i2", data, 8))
print(pcall(string.unpack, "i2", data, 6))
print(pcall(string.unpack, "i4", "abc"))
print(pcall(string.unpack, "i2"))
print(pcall(string.unpack, "i2", data, "x"))
local pos, out = 1, {}
local stream = string.pack("s1 s1 s1", "one", "two", "three")
while pos <= #stream do
  local v
  v, pos = string.unpack("s1", stream, pos)
  out[#out + 1] = v
end
print(table.concat(out, ","), pos)
