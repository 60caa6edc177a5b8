-- character classes over all 256 bytes, printed as counts and first members
local classes = {"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "A", "C", "D", "G", "L", "P", "S", "U", "W", "X"}
for _, c in ipairs(classes) do
  local n, first, last = 0, nil, nil
  for b = 0, 255 do
    if string.char(b):find("^%" .. c .. "$") then
      n = n + 1
      first = first or b
      last = b
    end
  end
  print(c, n, first, last)
end
print(("a.b"):match("%."), ("a%b"):match("%%"), ("x]y"):match("%]"), ("_"):match("%_"))
print(("\0x"):match("%z"), ("abc"):find("%Z+"))
