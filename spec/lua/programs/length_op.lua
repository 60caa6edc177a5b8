-- # on strings and sequences, table.insert/remove effects, __len
local t = {}
for i = 1, 10 do t[i] = i * i end
print(#t, #"", #"hello", #{n = 1}, #{1, 2, 3})
t[#t + 1] = 121
print(#t, t[#t])
t[#t] = nil
print(#t)
table.insert(t, 1, 0)
print(#t, t[1], t[2], t[11])
print(table.remove(t), #t, table.remove(t, 1), #t)
local s = {}
for i = 1, 5 do s[#s + 1] = "x" .. i end
print(#s, table.concat(s, "|"))
while #s > 0 do s[#s] = nil end
print(#s, next(s))
local p = setmetatable({}, {__len = function() return 42 end})
print(#p)
local q = setmetatable({1, 2}, {__len = function(x) return "len" end})
print(#q, rawlen(q), rawlen("abc"))
print(pcall(function() return #nil end))
print(pcall(function() local n = 5; return #n end))
print(pcall(rawlen, 5))
