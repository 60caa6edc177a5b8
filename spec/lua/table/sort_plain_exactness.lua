-- NaN in a comparator-less sort: the error and the partial order must match lua5.4
local t = {}
for i = 1, 30 do t[i] = (i * 7) % 13 end
t[5] = 0/0; t[17] = 0/0; t[23] = 0/0
local ok, e = pcall(table.sort, t)
print(ok, e)
local r = {}
for i = 1, #t do r[i] = t[i] ~= t[i] and "nan" or tostring(t[i]) end
print(table.concat(r, " "))
local m = {3, 1.0, 1, 2.0, 2, 1, 3.0, 1.0}
table.sort(m)
for i = 1, #m do r[i] = math.type(m[i]) .. ":" .. tostring(m[i]) end
print(table.concat(r, " ", 1, #m))
local big = {math.maxinteger, 1, math.mininteger, 2^63, -2^63, 0}
table.sort(big)
for i = 1, #big do r[i] = tostring(big[i]) end
print(table.concat(r, " ", 1, #big))
local s = {"b", "a\0b", "a\0a", "a", "", "\255", "B"}
table.sort(s)
for i = 1, #s do r[i] = #s[i] end
print(table.concat(r, " ", 1, #s), s[1] == "", s[#s] == "\255")
