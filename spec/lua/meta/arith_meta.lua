local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(a) == "number" then return vec(a * b.x, a * b.y) end return vec(a.x * b, a.y * b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
V.__div = function(a, b) return "div" end
V.__mod = function(a, b) return "mod" end
V.__idiv = function(a, b) return "idiv" end
V.__pow = function(a, b) return "pow" end
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), tostring(a * 2), tostring(3 * a), tostring(-a))
print(a == vec(1, 2), a ~= b, a / 1, a % 1, a // 1, a ^ 2, 1 + 0)
print(pcall(function() return a + 1 end))
