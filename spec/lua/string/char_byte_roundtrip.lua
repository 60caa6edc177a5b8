-- every byte survives char/byte, sub and concat
local ok = true
for i = 0, 255 do
  local c = string.char(i)
  if c:byte() ~= i or #c ~= 1 or ("x" .. c .. "y"):sub(2, 2) ~= c or c:rep(3):byte(3) ~= i then ok = false end
end
print(ok)
local t = {}
for i = 255, 0, -1 do t[#t + 1] = i end
local s = string.char(table.unpack(t))
print(#s, s:byte(1), s:byte(-1), s:reverse():byte(1), s:upper():byte(256 - 97), s:lower():byte(256 - 65))
