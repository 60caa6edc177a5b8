local buf = {}
local function w(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(buf)) buf = {} end
print(pcall(function() for p, c in utf8.codes("ab\xff") do w(p, " ") end end))
flush()
print(pcall(function() for p, c in utf8.codes("\xed\xa0\x80") do end end))
flush()
print(pcall(function() for p, c in utf8.codes("\xed\xa0\x80", true) do w(c, " ") end end))
flush()
print(pcall(function() for p, c in utf8.codes("a\x80") do w(p, " ") end end))
flush()
print(pcall(function() for p, c in utf8.codes("\xc3") do w(p, " ") end end))
flush()
print(pcall(utf8.codes, nil))
print(pcall(utf8.codes, {}))
