-- which flags each conversion accepts (lstrlib's checkformat), and their effect
local specs = { "%-5d|", "%+d", "% d", "%05d", "%#d", "%-05u", "%+u", "% u", "%#u", "%0u",
  "%#x", "%#o", "%-#8X|", "%+x", "% o", "%08x", "%+.3f", "% e", "%#g", "%-+ #010.2f|",
  "%#a", "%-8c|", "%0c", "%+c", "%-8s|", "%08s", "%.2s", "%-p", "%#p", "%+q", "%5q",
  "%--5d|", "%00005d", "%-+-+d", "%1.1d", "%12.10d", "%.d", "%5.x", "% +d", "%+ d" }
for _, f in ipairs(specs) do
  local arg = f:find("[sq]") and "txt" or f:find("[aefg]") and 3.25 or f:find("p") and {} or 42
  local ok, r = pcall(string.format, f, arg)
  if ok and f:find("p") then r = "(address)" end
  print(f, ok, r)
end
print(string.format("%-+ 8d|%+- 8d|% -+8d|", 7, -7, 7))
