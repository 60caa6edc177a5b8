local function show()
  local i = debug.getinfo(1, "n")
  print(i.name, i.namewhat)
end
pcall(show)
table.sort({3, 2, 1}, function(x, y) show() return x < y end)
local ok = pcall(function() show() end)
local s = string.gsub("a", "a", function() show() return "b" end)
print(s)
