local C = setmetatable({}, {__concat = function(a, b)
  local x = type(a) == "table" and "C" or a
  local y = type(b) == "table" and "C" or b
  return x .. y end})
print(C .. "s", "s" .. C, 1 .. C, C .. C)
print("a" .. "b" .. C .. "c" .. "d")
print(pcall(function() return {} .. "x" end))
