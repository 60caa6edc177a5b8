-- %q produces Lua literals that read back
print(string.format("%q", 'he said "hi"\n\tand\\left'))
print(string.format("%q", "\0\1\0011\r\127\200"))
print(string.format("%q %q %q %q", 1, -7, math.mininteger, math.maxinteger))
print(string.format("%q %q %q", 1.5, 0.1, -0.0))
print(string.format("%q %q %q", 1/0, -1/0, 2^63))
print(string.format("%q %q %q", true, false, nil))
local s = "any\0bytes\255\n\"'\\"
print(load("return " .. string.format("%q", s))() == s)
print(load("return " .. string.format("%q", 0.1))() == 0.1)
print(load("return " .. string.format("%q", math.mininteger))() == math.mininteger)
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%q", print))
print(pcall(string.format, "%10q", "x"))
