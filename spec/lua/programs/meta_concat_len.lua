-- __concat with either operand, chains of .., numbers in concat, __len results
local C = setmetatable({}, {__concat = function(a, b)
  local sa = type(a) == "table" and "C" or tostring(a)
  local sb = type(b) == "table" and "C" or tostring(b)
  return sa .. "+" .. sb
end})
print(C .. "x", "x" .. C, 1 .. C, C .. C)
print("a" .. "b" .. C .. "d")
print("a" .. C .. "b" .. "c")
print(1 .. 2, 1.5 .. 2, -1 .. "", math.mininteger .. "|" .. math.maxinteger)
print(pcall(function() return "a" .. {} end))
print(pcall(function() return "a" .. nil end))
print(pcall(function() local t = {}; return t.field .. "x" end))
print(pcall(function() return true .. "" end))
local L = setmetatable({}, {__len = function(t) return 7, "ignored" end})
print(#L, select('#', #L))
local counted = setmetatable({1, 2, 3}, {__len = function(t) return rawlen(t) * 10 end})
print(#counted, rawlen(counted))
local sl = setmetatable({}, {__len = function() return 2.5 end})
print(#sl, math.type(#sl))
print(table.concat({1, 2.5, "x"}, ", "), pcall(table.concat, {1, {}, 3}))
local parts = {}
for i = 1, 10 do parts[#parts + 1] = i end
print(table.concat(parts, "", 3, 6), table.concat(parts, "-", 9), table.concat({}, "x"), table.concat(parts, ",", 5, 4))
