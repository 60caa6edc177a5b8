local srcs = {
  "return 1",
  "line one\nline two",
  string.rep("a", 70),
  "=" .. string.rep("b", 70),
  "@" .. string.rep("c", 70),
  "=short",
  "@file.lua",
  "",
  "\nstarts with newline",
}
for _, s in ipairs(srcs) do
  local f = load("return 1", s)
  local i = debug.getinfo(f, "S")
  print(i.short_src, #i.source, i.what)
end
