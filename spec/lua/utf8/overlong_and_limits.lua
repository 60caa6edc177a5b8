local buf = {}
local function w(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(buf)) buf = {} end
local bad = {"\xc0\xaf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xf8\x88\x80\x80\x80", "\xc1\xbf", "\xe0\x9f\xbf"}
for _, s in ipairs(bad) do w(tostring(utf8.len(s)), ",", tostring(utf8.len(s, 1, -1, true)), " ") end
flush()
local good = {"\xc2\x80", "\xe0\xa0\x80", "\xf0\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80"}
for _, s in ipairs(good) do w(tostring(utf8.len(s)), ",", tostring(utf8.len(s, 1, -1, true)), " ") end
flush()
print(utf8.codepoint("\xf8\x88\x80\x80\x80", 1, 1, true), utf8.codepoint("\xfc\x84\x80\x80\x80\x80", 1, 1, true))
