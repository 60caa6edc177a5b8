-- gsub returns the subject itself when nothing changed (same object, as %p shows)
local s = string.rep("a", 100)
local function addr(x) return string.format("%p", x) end
print(addr(string.gsub(s, "b", "c")) == addr(s))
print(addr(string.gsub(s, ".", {x = "y"})) == addr(s))
print(addr(string.gsub(s, ".", function() return nil end)) == addr(s))
local r = string.gsub(s, ".", function(x) return x end)
print(r == s, addr(r) ~= addr(s))
print(addr(string.gsub(s, "a", "a", 0)) == addr(s), select(2, string.gsub(s, "a", "%0")))
