-- table.insert/remove shifting elements of tables without a metatable: array part, hash
-- part (keys added in reverse), holes, and growth while shifting.
local function dump(t, n)
  local out = {}
  for i = 1, n do out[#out + 1] = tostring(t[i]) end
  print(table.concat(out, " "))
end
local a = {}
for i = 1, 10 do a[i] = i * 10 end
table.insert(a, 1, 5); table.insert(a, 6, 55); table.insert(a, #a + 1, 999)
dump(a, #a)
print(table.remove(a, 1), table.remove(a, 5), table.remove(a), #a)
dump(a, #a)
-- elements living in the hash part
local h = {}
for i = 20, 1, -1 do h[i] = "v" .. i end
table.insert(h, 3, "new")
table.insert(h, 1, "first")
dump(h, 22)
print(table.remove(h, 2), table.remove(h, 10), #h)
dump(h, 21)
-- mixed keys and a hash part that must grow during the shift
local m = { x = 1, y = 2 }
for i = 1, 7 do m[i] = i end
for k = 1, 40 do table.insert(m, 2, -k) end
print(#m, m[1], m[2], m[41], m[47], m.x, m.y)
for k = 1, 45 do table.remove(m, 3) end
dump(m, #m + 1)
-- holes: the border moves; values copied over nil slots
local g = { 1, 2, nil, 4 }
print(#g)
table.insert(g, 1, 0)
dump(g, 6)
print(table.remove(g, 1))
dump(g, 5)
-- removing the last and beyond
local r = { "a" }
print(table.remove(r, 1), #r, table.remove(r), table.remove(r, 1), #r)
-- a long array shifted from the front
local big = {}
for i = 1, 1000 do big[i] = i end
for _ = 1, 500 do table.remove(big, 1) end
print(#big, big[1], big[500], big[501])
for i = 1, 300 do table.insert(big, 1, -i) end
print(#big, big[1], big[300], big[301], big[800])
-- table.concat reading strings and numbers directly
local c = { "a", 1, 2.5, "b" }
print(table.concat(c, ","), table.concat(c, "", 2, 3), pcall(table.concat, { "x", {}, "y" }))
local hc = {}
for i = 5, 1, -1 do hc[i] = "s" .. i end
print(table.concat(hc, "-"), table.concat(hc, "", 3))
