local log = {}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = k; return k * 10 end,
  __len = function() return 4 end,
})
print(table.unpack(p))
print(table.concat(log, ","))
print(table.unpack(p, 2, 3))
