-- malformed patterns and capture errors, as lstrlib reports them
local pats = {"%", "[a", "[a-", "[]", "[^]", "(", "(()", ")", "a)", "%g%", "[%", "(%1)", "%0", "%9"}
for _, p in ipairs(pats) do
  print(p, pcall(string.find, "abc", p))
end
print(pcall(string.match, "x", string.rep("(", 33) .. string.rep(")", 33)))
print(pcall(string.match, "x", string.rep("()", 32)))
print(select('#', string.match("x", string.rep("()", 32))))
print(pcall(string.gsub, "abc", "(", ""))
print(pcall(string.gmatch("abc", "[a"), nil))
