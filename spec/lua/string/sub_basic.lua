-- string.sub with positive, negative and out-of-range positions
local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(-5), s:sub(-5, -2), s:sub(0))
print(s:sub(3, 2) == "", s:sub(100) == "", s:sub(5, 100), s:sub(-100, 3))
print(s:sub(1, 0) == "", s:sub(0, 0) == "", s:sub(-1, -1), s:sub(11, 11), s:sub(12, 12) == "")
print(string.sub("abc", 2.0, 3.0), string.sub("abc", "2", "3"), string.sub(12345, 2, 4))
print(("x"):sub(math.mininteger, math.maxinteger), ("abc"):sub(math.maxinteger))
print(("abc"):sub(-math.maxinteger, -3), ("abc"):sub(2, math.mininteger) == "")
print(("a\0b\0c"):sub(2, 4) == "\0b\0", #("a\0b\0c"):sub(2))
