-- deep pattern recursion is bounded ('pattern too complex'), long subjects are not
local s = string.rep("a", 300)
print(#string.match(string.rep("ab", 50000), "(.*)b"), #string.match(string.rep("x", 100000), "x-$"))
print(string.find(string.rep("a", 100000) .. "b", "a*b"))
local t = {}
for i = 1, 250 do t[i] = "(a)" end
print(pcall(string.match, string.rep("a", 250), table.concat(t)))
print(pcall(string.match, string.rep("a", 300), string.rep("a?", 300)))
print(#string.match(string.rep("a", 300), string.rep("a?", 150)))
print(pcall(string.gsub, string.rep("a", 300), string.rep("a?", 300), ""))
print(pcall(string.find, string.rep("a", 300), string.rep("(a?)", 10) .. string.rep("a?", 250)))
