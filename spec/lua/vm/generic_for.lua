local t = {10, 20, 30}
for i, v in ipairs(t) do print(i, v) end
for k, v in next, {5} do print(k, v) end
local function range(n) return function(_, i) if i < n then return i + 1 end end, nil, 0 end
for i in range(3) do print("r", i) end
local mt = setmetatable({}, {__index = function(_, i) if i <= 2 then return i * 100 end end})
for i, v in ipairs(mt) do print("mt", i, v) end
print(pcall(function() for x in 5 do end end))
