local n = 0
for i, v in ipairs({1, 2, nil, 4}) do n = n + 1 end
print(n)
local proxy = setmetatable({}, {__index = function(_, i) if i < 5 then return i end end})
for i, v in ipairs(proxy) do io_x = v end
print(io_x)
