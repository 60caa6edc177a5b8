-- [sets] in patterns used many times (the matcher tabulates a set after its first use with a
-- pattern): negated sets, ranges, classes and escapes inside, ']' and '-' and '^' as members,
-- sets under every quantifier, in frontiers, in captures, in gsub/gmatch/find/match loops.

local subjects = {
  "Hello, World! 123 abc-def_ghi [x] ^caret^ a]b a-b ~!@#",
  "AEIOU aeiou 0x1F 0XAB zz--yy__ ]]]] ^^^ \t\n end",
  "", "]", "-", "^", "a", "\0\1\2\255\128",
}
local pats = {
  "[AEIOU]", "[aeiou]+", "[^%s]+", "[%a_][%w_]*", "[0-9a-fA-F]+", "[%d%.]+", "[]]+", "[^]]+",
  "[a-]+", "[-a]+", "[%-]+", "[%^]", "[^^]+", "[%]x]", "[a%-z]+", "[%z]", "[\128-\255]+",
  "[^%w%s]", "[%p]+", "[A-Z][a-z]*", "[%a]-[%d]", "[ab]?[%d]+", "x?[%[%]]", "%f[%a][%a]+",
  "%f[%A]", "([%a]+)[%s,]*", "[^-]+", "[%%]", "[.]+", "[a-c-e]+",
}
for _, s in ipairs(subjects) do
  for _, p in ipairs(pats) do
    -- each pattern several times: first use walks the set, later ones use the table
    local r1, n1 = string.gsub(s, p, "<%0>")
    local r2 = { string.find(s, p) }
    local r3 = { string.match(s, p, 3) }
    local cnt = 0
    for m in string.gmatch(s, p) do cnt = cnt + #m end
    local r4, n4 = string.gsub(s, p, "*", 2)
    print(p, n1, r1 == s, #r1, r2[1], r2[2], r3[1], cnt, n4, #r4)
  end
end

-- the same set in a long loop, with many distinct patterns interleaved (cache churn)
local words = 0
for i = 1, 200 do
  local s = "w" .. i .. " x" .. (i * 7) .. " [" .. (i % 13) .. "]"
  for w in s:gmatch("[%w]+") do words = words + #w end
  local p = "[" .. string.char(97 + i % 26) .. "-z]+"
  words = words + select(2, s:gsub(p, ""))
end
print("words", words)

-- malformed sets still raise lua5.4's errors, before and after the set has been used
for _, p in ipairs({ "[a", "[^", "[]", "[%", "x[a-" }) do
  print(p, pcall(string.find, "abc", p))
  print(p, pcall(string.gsub, "abc[", p, ""))
end
