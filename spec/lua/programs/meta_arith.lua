-- arithmetic and bitwise metamethods: operand order, mixed with numbers, __unm, __idiv, __band
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b)
  if type(a) == "number" then return vec(a + b.x, a + b.y) end
  if type(b) == "number" then return vec(a.x + b, a.y + b) end
  return vec(a.x + b.x, a.y + b.y)
end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(b) == "number" then return vec(a.x * b, a.y * b) end return a.x * b.x + a.y * b.y end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__idiv = function(a, b) return vec(a.x // b, a.y // b) end
V.__band = function(a, b) return "band" end
V.__bor = function(a, b) return "bor" end
V.__bxor = function(a, b) return "bxor" end
V.__shl = function(a, b) return "shl" end
V.__shr = function(a, b) return "shr" end
V.__bnot = function(a) return "bnot" end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a + 1), tostring(10 + a), tostring(b - a))
print(a * b, tostring(a * 3), tostring(b / 2), tostring(vec(7, -7) % 3))
print(tostring(a ^ 2), tostring(-a), tostring(vec(7, -7) // 2))
print(a & 1, 1 | a, a ~ a, a << 1, 2 >> a, ~a)
-- the right operand's metamethod is used when the left has none
local R = setmetatable({}, {__sub = function(x, y) return "rsub:" .. type(x) .. "," .. type(y) end})
print(5 - R, R - 5, "s" - R)
-- string operands that look like numbers still use string arithmetic first
print("10" + 5, pcall(function() return "x" + R end))
print(pcall(function() return a + "str" end))
print(pcall(function() return {} + 1 end))
print(pcall(function() return -{} end))
print(pcall(function() return 1.5 | setmetatable({}, {}) end))
print(pcall(function() local t = {}; return t.x * 2 end))
