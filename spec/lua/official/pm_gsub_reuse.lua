-- gsub hands back its subject itself when nothing was replaced (same object for %p)
local function addr (x) return string.format("%p", x) end
local s = string.rep("a", 100)
print(addr(string.gsub(s, "b", "c")) == addr(s))
print(addr(string.gsub(s, ".", {x = "y"})) == addr(s))
local count = 0
local r = string.gsub(s, ".", function (x) count = count + 1; return nil end)
r = string.gsub(r, ".", {b = 'x'})
print(count, addr(r) == addr(s))
r = string.gsub(s, ".", function (x) return x end)
print(r == s, addr(r) ~= addr(s))
