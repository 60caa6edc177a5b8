-- gsub and find over large subjects
local s = string.rep("abc ", 50000)
local r, n = s:gsub("b", "XY")
print(#r, n, r:sub(1, 12))
r, n = s:gsub("%w+", "%0%0")
print(#r, n)
r, n = s:gsub(" ", "")
print(#r, n, s:find("c a", 199990, true))
local words = 0
for w in s:gmatch("%a+") do words = words + 1 end
print(words, #s:rep(3), s:match("(a)bc $", #s - 10))
print(select(2, string.gsub(string.rep("x", 100000), "x", {x = "yy"})))
