local store = {}
local proxy = setmetatable({}, {
  __index = store,
  __newindex = function(_, k, v) store[k] = v end,
  __len = function() return #store end,
})
for i = 1, 5 do table.insert(proxy, 1, i) end
print(table.concat(store, ","), rawlen(proxy))
print(table.concat(proxy, ","))
print(table.remove(proxy, 2), table.remove(proxy))
print(table.concat(store, ","))
print(table.unpack(proxy))
