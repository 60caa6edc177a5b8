local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs{5, 2, 8, 1, 9, 3} do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
local r = {}
for i = 1, #t do r[i] = t[i].v end
print(table.concat(r, " "))
-- a proxy table: reads and writes go through __index/__newindex, length through __len
local store = {4, 1, 3, 2}
local proxy = setmetatable({}, {
  __index = store, __newindex = store, __len = function() return #store end,
})
table.sort(proxy)
print(table.concat(store, " "), rawlen(proxy))
