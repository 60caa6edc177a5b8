-- init positions at and beyond the ends, for find, match and gmatch
local s = "abc"
for _, i in ipairs({-4, -3, -1, 0, 1, 3, 4, 5, math.maxinteger, math.mininteger}) do
  print(i, s:find("", i), s:find("c", i), s:match("()", i), s:find("c", i, true))
end
print(("aaa"):find("a", 2.0), pcall(string.find, "aaa", "a", 2.5))
