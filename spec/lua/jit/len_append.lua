-- #t in a hot loop while appending and removing: the border grows and shrinks correctly
local t = {}
for i = 1, 500 do t[#t + 1] = i * 2 end
print(#t, t[1], t[500])
local lens = {}
for i = 1, 300 do
  if i % 3 == 0 then t[#t] = nil else t[#t + 1] = i end
  if i % 60 == 0 then lens[#lens + 1] = #t end
end
print(table.concat(lens, " "))
local q = {}
for i = 1, 200 do table.insert(q, i) end
local popped = 0
while #q > 50 do table.remove(q); popped = popped + 1 end
print(#q, popped, q[#q])
local s = {}
for i = 1, 150 do s[#s + 1] = #s end
print(#s, s[1], s[150])
local str = ""
local lsum = 0
for i = 1, 200 do str = str .. "x"; lsum = lsum + #str end
print(#str, lsum)
local mt = setmetatable({}, {__len = function() return 3 end})
local ml = 0
for i = 1, 100 do ml = ml + #mt end
print(ml)
