local B = setmetatable({}, {
  __band = function(a, b) return "band" end, __bor = function() return "bor" end,
  __bxor = function() return "bxor" end, __shl = function() return "shl" end,
  __shr = function() return "shr" end, __bnot = function() return "bnot" end})
print(B & 1, 1 | B, B ~ B, B << 1, 1 >> B, ~B)
print(pcall(function() return B & 1.5 end))
