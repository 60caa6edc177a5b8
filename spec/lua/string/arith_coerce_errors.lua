-- messages when a string operand is not numeric
local ops = {
  function(a, b) return a + b end, function(a, b) return a - b end,
  function(a, b) return a * b end, function(a, b) return a / b end,
  function(a, b) return a % b end, function(a, b) return a ^ b end,
  function(a, b) return a // b end, function(a) return -a end,
}
for i, op in ipairs(ops) do
  print(i, pcall(op, "abc", 1))
  print(i, pcall(op, 1, "x1"))
end
print(pcall(function() return "1" + {} end))
print(pcall(function() return {} + "1" end))
print(pcall(function() return "1" + nil end))
print(pcall(function() return true * "2" end))
print(pcall(function() return "" + 0 end))
print(pcall(function() return "1 2" + 0 end))
print(pcall(function() return "0x" + 0 end))
print(pcall(function() return "1e" + 0 end))
print(pcall(function() return "1\0" + 0 end))
print(pcall(function() local s = "x"; return s & 1 end))
print(pcall(function() return "3" | 1 end))
print(pcall(function() return ~"3" end))
print(pcall(function() return "3" << "1" end))
