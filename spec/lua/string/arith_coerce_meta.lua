-- the string metamethods defer to the other operand's metamethod, and can be replaced
local V = setmetatable({}, {__add = function(a, b) return "V.add" end, __unm = function() return "V.unm" end,
  __concat = function(a, b) return "V.concat" end, __mod = function() return "V.mod" end})
print("abc" + V, V + "abc", "1" + V, "abc" % V, "x" .. V, V .. "x")
local mt = getmetatable("")
print(type(mt.__add), type(mt.__unm), type(mt.__idiv), mt.__band, mt.__concat, mt.__len, mt.__eq)
print(mt.__add("2", "3"), mt.__unm("4", "4"), mt.__pow(2, "3"), mt.__div(1, 2), mt.__mod("x", V))
print(pcall(mt.__add, "a", "b"))
print(pcall(mt.__sub, {}, {}))
print(pcall(mt.__mul, 1))
mt.__add = function(a, b) return "custom(" .. tostring(a) .. "," .. tostring(b) .. ")" end
print("a" + 1, 1 + "a", "1" + "2", 1 + 2)
mt.__add = nil
print(pcall(function() return "1" + 1 end))
print(pcall(function() local s = "abc"; return s + 1 end))
print("3" - 1)
mt.__index = function(s, k) return k .. "!" end
print(("x").foo, ("x").len)
