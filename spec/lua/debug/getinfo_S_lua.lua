local function f(a, b)
  return a + b
end
local i = debug.getinfo(f, "S")
print(i.source, i.short_src, i.linedefined, i.lastlinedefined, i.what)
local g = function() end
i = debug.getinfo(g, "S")
print(i.linedefined, i.lastlinedefined, i.what)
