local buf = {}
local function w(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(buf)) buf = {} end
local cps = {0, 65, 127, 128, 255, 2047, 2048, 55295, 57344, 65535, 65536, 1114111}
local s = utf8.char(table.unpack(cps))
print(#s, utf8.len(s))
local back = {utf8.codepoint(s, 1, -1)}
local same = #back == #cps
for i = 1, #cps do if back[i] ~= cps[i] then same = false end end
print(same)
for p, c in utf8.codes(s) do w(p, " ") end
flush()
for i = 1, utf8.len(s) do w(utf8.offset(s, i), " ") end
flush()
