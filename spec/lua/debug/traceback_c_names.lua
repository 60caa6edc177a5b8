local once = false
table.sort({3, 1, 2}, function(a, b)
  if not once then once = true; print(debug.traceback("cmp")) end
  return a < b
end)
local s = ("x"):gsub("x", function() print(debug.traceback("gsub")) return "y" end)
local ok = pcall(function() print(debug.traceback("in pcall")) end)
local t = setmetatable({}, { __index = function(t, k) print(debug.traceback("idx " .. k)) end })
local _ = t.key
print(select(2, xpcall(function() local x = nil; return x.y end, debug.traceback)))
