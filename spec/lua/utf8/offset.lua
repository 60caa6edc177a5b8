local buf = {}
local function w(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(buf)) buf = {} end
local s = "aé€😀b"
for n = -6, 7 do w(tostring(utf8.offset(s, n)), " ") end
flush()
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, 6), utf8.offset(s, 0, 9))
print(utf8.offset(s, 1, 2), utf8.offset(s, 2, 2), utf8.offset(s, -1, 4), utf8.offset(s, -1, 1))
print(utf8.offset(s, 1, #s + 1), utf8.offset(s, 0, #s + 1), utf8.offset(s, -1, -1))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1), utf8.offset("", 2))
print(utf8.offset("abc", 3, 2), utf8.offset("abc", 4, 1), utf8.offset("abc", 5, 1))
