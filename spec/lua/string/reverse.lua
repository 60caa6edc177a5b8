-- string.reverse
print(string.reverse("abc"), (""):reverse() == "", ("a"):reverse(), ("ab\0cd"):reverse() == "dc\0ba")
print(string.reverse(12345), string.reverse(-1.5))
local big = string.rep("abcdefghij", 10000)
local r = big:reverse()
print(#r, r:sub(1, 12), r:reverse() == big)
print(pcall(string.reverse))
