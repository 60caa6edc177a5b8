local sink = {}
local mid = setmetatable({}, {__newindex = sink})
local top = setmetatable({}, {__newindex = mid})
top.a = 1
print(rawget(top, "a"), rawget(mid, "a"), sink.a)
local fnsink = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
local top2 = setmetatable({}, {__newindex = fnsink})
top2.b = 21
print(rawget(top2, "b"), fnsink.b)
