local function lvl()
  for l = 0, 5 do
    local i = debug.getinfo(l, "Sl")
    if not i then print(l, "nil"); break end
    print(l, i.what, i.short_src, i.currentline)
  end
end
local function mid() lvl() return 1 end
mid()
print(debug.getinfo(100))
print(pcall(debug.getinfo, -1))
