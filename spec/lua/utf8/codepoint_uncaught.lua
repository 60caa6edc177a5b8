local buf = {}
local function w(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(buf)) buf = {} end
local s = "ok\xff"
for i = 1, #s do w(utf8.codepoint(s, i), " ") end
