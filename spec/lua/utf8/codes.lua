local buf = {}
local function w(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(buf)) buf = {} end
for p, c in utf8.codes("aé€😀") do w(p, ":", c, " ") end
flush()
for p, c in utf8.codes("") do print("never") end
local n = 0
local u = "" for i = 1, 100 do u = u .. "ü" end
for p, c in utf8.codes(u) do n = n + 1 end
print(n)
for p, c in utf8.codes("\u{7FFFFFFF}x", true) do w(p, ":", c, " ") end
flush()
for p, c in utf8.codes(12) do w(p, ":", c, " ") end
flush()
