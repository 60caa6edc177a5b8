-- numbers where strings are expected, strings where numbers are expected
print(string.rep(1, 3), string.sub(123456, 2, 3), string.upper(0x10), string.len(-0.0))
print(string.byte(10, 2), string.find(1e10, "e"), string.find(1e15, "e"), string.match(2^63, "e(.*)"))
print(string.format("%d", "0x10"), string.format("%5.1f", "3.14159"), string.format("%x", "  255  "))
print(string.char("65", " 66 ", 67.0), string.rep("x", "2"), ("abc"):sub("2", "2.0"))
print(pcall(string.rep, "x", "2.5"))
print(pcall(string.sub, "abc", "1e100"))
print(pcall(string.char, "0x100"))
print(string.gsub(3.0, "%.", ","), string.gsub(100, 0, 1))
