-- Concatenation results must be the same strings as equal literals and other results
-- (equality, table keys), at every length around the short-string limit, with NUL and
-- high bytes and numbers.
local t = { abc = 1, ["a\0b"] = 2, ["\255\128x"] = 3, ["12"] = 4, ["1.5x"] = 5 }
local a, b = "ab", "c"
print(a .. b == "abc", t[a .. b], t["a" .. "\0b"], t["\255" .. "\128x"], t[1 .. 2], t[1.5 .. "x"])
print(t["a\0" .. "b"], t["" .. "abc"], t["abc" .. ""], ("a" .. "bc") == ("ab" .. "c"))
for n = 36, 44 do
  local s1 = string.rep("x", n - 3) .. "yz!"
  local s2 = string.rep("x", n - 3) .. "yz" .. "!"
  local s3 = string.rep("x", n - 5) .. ("xxyz" .. "!")
  local k = {}
  k[s1] = n
  print(n, #s1, s1 == s2, s2 == s3, k[s2], k[s3], rawequal(s1, s3))
end
-- words built again and again land on the same key
local syl = { "ka", "lo", "mi", "\0", "\200" }
local counts, distinct = {}, 0
for i = 1, 2000 do
  local w = syl[i % 5 + 1]
  for j = 1, i % 4 do w = w .. syl[(i * j) % 5 + 1] end
  if counts[w] then counts[w] = counts[w] + 1 else counts[w] = 1; distinct = distinct + 1 end
end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
local out = {}
for i = 1, #keys do out[#out + 1] = #keys[i] .. ":" .. counts[keys[i]] end
print(distinct, #keys, table.concat(out, " "))
-- after a collection the rebuilt table still finds the survivors
collectgarbage()
local again = 0
for i = 1, #keys do if counts[keys[i]:sub(1, 1) .. keys[i]:sub(2)] then again = again + 1 end end
print(again)
