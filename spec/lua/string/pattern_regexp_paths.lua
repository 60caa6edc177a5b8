-- Patterns that run as compiled RegExps (classes, sets, quantifiers, plain captures, '$') and
-- the ones that stay with the matcher, side by side: empty matches where the last one ended,
-- anchors, counts, replacement captures and their errors, bytes above 127 and NUL.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = type(t[i]) == "string" and string.format("%q", t[i]) or tostring(t[i]) end
  return table.concat(t, ",", 1, t.n)
end
local function all(s, p)
  local acc = {}
  for a, b in string.gmatch(s, p) do acc[#acc + 1] = show(a, b) end
  return table.concat(acc, ";")
end
local cases = {
  { "baaac", "a*" }, { "baaac", "a-" }, { "baaac", "a?" }, { "abc", "" }, { "abc", "$" },
  { "hello world from lua", "%a+" }, { "hello world", "(%a+) (%a+)" }, { "x=1, y=22", "(%w+)=(%w+)" },
  { "id12:alpha:00012", "^id(%d+):" }, { "  trim  ", "^%s*(.-)%s*$" }, { "a.b.c", "%." },
  { "key = value", "^(%w+)%s*=%s*(%w+)$" }, { "((a)(b))", "%((%a)%)" }, { "a]b]", "[]]" },
  { "a-b-c", "[a-]" }, { "x\0y\0z", "%z" }, { "x\0y\0z", "[^%z]+" }, { "\200\201abc\255", "[\128-\255]+" },
  { "CamelCaseString", "%u%l+" }, { "1,22,,333", "([^,]*)" }, { "aaa", "a-b" }, { "aaab", "a-b" },
  { "abcabc", "((a)(b)c)" }, { "f(a(b)c)d", "%b()" }, { "THE (quick) fox", "%f[%a]%a+" },
  { "hello", "(h)(e)(l)(l)(o)" }, { "abab", "(ab)%1" }, { "pos", "()o()" }, { "x*y+z?", "%*" },
  { "x*y+z?", "[*+?]" }, { "a+b", "a+b" }, { "^caret", "^^c" }, { "end$", "d%$" }, { "end$$", "$$" },
}
for _, c in ipairs(cases) do
  local s, p = c[1], c[2]
  print(show(p), show(s.find(s, p)), show(s.find(s, p, 2)), show(s.find(s, p, -2)), show(s.match(s, p)))
  print("", show(s.gsub(s, p, "<%0>")), show(s.gsub(s, p, "%1", 1)), show(s.gsub(s, p, "[%%]", 0)))
  print("", show(pcall(s.gsub, s, p, "%2")), show(pcall(s.gsub, s, p, "%x")))
  print("", show(s.gsub(s, p, function(a, b) if a == "" then return nil end return "{" .. a .. (b or "") .. "}" end)))
  print("", show(s.gsub(s, p, { a = "A", hello = false, x = 1 })), all(s, p))
end
-- the same pattern again with a subject where it fails, and nested calls with one pattern
local p = "(%a+)=(%d+)"
print(show(string.find("no pairs here", p)), show(string.find("k=1 j=2", p, 4)))
print(show(string.gsub("a=1 b=2 c=3", p, function(k, v)
  local k2, v2 = string.match(k .. "=" .. v * 10, p)
  return k2:upper() .. v2
end)))
local it = string.gmatch("a=1 b=2", p)
print(show(it()), show(string.match("z=9", p)), show(it()), show(it()))
