-- empty matches: no empty match right after a non-empty one (5.4's lastmatch rule)
local function all(s, p, init)
  local out = {}
  for m in s:gmatch(p, init) do out[#out + 1] = "<" .. m .. ">" end
  return table.concat(out)
end
print(all("abc", "x*"), all("abc", "b*"), all("", "x*"), all("aaa", "a-"))
print(all("a,b,,c", "[^,]*"), all("hello world", "%w*"))
print(all("abc", ".-"), all("ab", "a?"))
