-- integer formatting at the int64 edges and with floats that are integral
print(string.format("%d|%5d|%-5d|%05d", math.mininteger, -1, -1, -1))
print(string.format("%x|%X|%o", math.maxinteger, math.mininteger, -1))
print(string.format("%d %d %d", 2^53, -2^53, 1e15))
print(string.format("%i", -0.0), string.format("%d", 3), string.format("%.0d", 0) == "", string.format("%+.0d|", 0))
print(string.format("%#o %#x %#X", 0, 0, 0), string.format("%c", 255):byte(), string.format("%c", 256 + 65))
print(pcall(string.format, "%d", 2^63), pcall(string.format, "%d", -2^63))
print(pcall(string.format, "%d", 0/0))
print(pcall(string.format, "%d", 1/0))
