-- gmatch's init argument (5.4)
local function all(s, p, init)
  local out = {}
  for m in s:gmatch(p, init) do out[#out + 1] = m end
  return table.concat(out, ",")
end
print(all("one two three", "%a+", 5), all("one two three", "%a+", -5), all("abc", ".", 0))
print(all("abc", ".", 3), all("abc", ".", 4) == "", all("abc", ".", 100) == "", all("abc", ".", -100))
print(all("abc", "", 4), all("abc", "()", 2))
print(all("aaa", "a", math.maxinteger) == "", all("aaa", "a", math.mininteger))
print(pcall(string.gmatch, "abc", "a", "x"))
print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch, nil, "x"))
