-- Random patterns (classes, sets, quantifiers, captures, anchors) on fixed subjects, through
-- find, match, gsub (string, function and table replacements, counts) and gmatch.
local seed = 5
local N = 400
local function rnd(k) seed = (seed * 16807) % 2147483647; return seed % k + 1 end
local atoms = { "a", "b", ".", "%a", "%d", "%s", "%w", "[ab]", "[^a]", "[a-c]", "[%d_]", "[]]", "(", ")", "x", "1", ":", "=", " ", "%l", "%u", "[^%s]", "$", "^", "%a", "%d" }
local quants = { "", "", "", "*", "+", "-", "?" }
local subjects = { "", "a", "ab", "aab", "abc abc", "id12:alpha:00012|x", "  hello world  ", "(a(b)c)", "aaa", "a.b%c",
  "1a2b3c", "ABC def GHI", "x=1, y=22, z=333", "]]", "a\0b\0", "\255\128a" }
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = type(t[i]) == "string" and string.format("%q", t[i]) or tostring(t[i]) end
  return table.concat(t, ",", 1, t.n)
end
for i = 1, N do
  local np = rnd(4)
  local parts = {}
  if rnd(6) == 1 then parts[1] = "^" end
  for _ = 1, np do parts[#parts + 1] = atoms[rnd(#atoms)] .. quants[rnd(#quants)] end
  if rnd(6) == 1 then parts[#parts + 1] = "$" end
  local p = table.concat(parts)
  local s = subjects[rnd(#subjects)]
  local init = rnd(4) - 2
  local out = { p, s }
  out[#out + 1] = show(pcall(string.find, s, p, init))
  out[#out + 1] = show(pcall(string.match, s, p, init))
  out[#out + 1] = show(pcall(string.gsub, s, p, "<%0>"))
  out[#out + 1] = show(pcall(string.gsub, s, p, "[%1]", 2))
  out[#out + 1] = show(pcall(string.gsub, s, p, function(a, b) return (a or "") .. "|" .. tostring(b) end))
  out[#out + 1] = show(pcall(string.gsub, s, p, { a = "A", ab = 1 }))
  local ok, r = pcall(function()
    local acc = {}
    for a, b in string.gmatch(s, p) do acc[#acc + 1] = show(a, b); if #acc > 50 then break end end
    return table.concat(acc, ";")
  end)
  out[#out + 1] = show(ok, r)
  print(show(table.unpack(out)))
end
