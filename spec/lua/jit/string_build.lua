-- string building in hot loops: .. with numbers (int/float formats), table.concat, string.rep
local s = ""
for i = 1, 200 do s = s .. (i % 10) end
print(#s, s:sub(1, 25), s:sub(-5))
local f = ""
for i = 1, 120 do f = f .. (i / 4) .. "," end
print(#f, f:sub(1, 40))
local parts = {}
for i = 1, 500 do parts[#parts + 1] = string.format("%03d", i) end
local joined = table.concat(parts, ":")
print(#joined, joined:sub(1, 23), joined:sub(-7))
local r = ""
for i = 1, 100 do r = r .. string.char(65 + i % 26) end
print(r)
local mixed = ""
for i = 1, 150 do
  local v = i % 3 == 0 and i + 0.0 or i
  if i > 140 then mixed = mixed .. v .. " " end
end
print(mixed)
local big = ""
for i = 1, 300 do big = big .. "ab" end
print(#big, big == string.rep("ab", 300))
local n = 0
for w in ("x "):rep(400):gmatch("x") do n = n + 1 end
print(n)
local ok, e = pcall(function() local str = ""; for i = 1, 200 do str = str .. (i < 150 and i or {}) end end)
print(ok, e)
