-- string library calls in hot loops: byte/char/sub/find/format/upper/rep, results checked
local s = "The quick brown fox jumps over the lazy dog"
local sum = 0
for i = 1, #s do sum = sum + s:byte(i) end
print(sum)
local rev = {}
for i = #s, 1, -1 do rev[#rev + 1] = s:sub(i, i) end
print(table.concat(rev))
local caesar = {}
for i = 1, #s do
  local b = s:byte(i)
  if b >= 97 and b <= 122 then b = (b - 97 + 13) % 26 + 97 end
  caesar[i] = string.char(b)
end
print(table.concat(caesar))
local found = 0
for i = 1, 300 do if string.find(s, "o", i % #s + 1, true) then found = found + 1 end end
print(found)
local fmt = {}
for i = 1, 200 do fmt[#fmt + 1] = string.format("%5.2f", i / 7) end
print(fmt[1], fmt[100], fmt[200], #table.concat(fmt))
local count = 0
for i = 1, 200 do local _, n = string.gsub("a-b-c", "-", "+"); count = count + n end
print(count)
local up = 0
for i = 1, 100 do if s:upper():sub(i % 10 + 1, i % 10 + 1) == "Q" then up = up + 1 end end
print(up)
