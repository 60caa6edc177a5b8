-- __newindex with functions and tables, rawset, read-only tables, proxies tracking writes
local log = {}
local tracked = setmetatable({}, {__newindex = function(t, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(t, k, v)
end})
tracked.a = 1
tracked.a = 2
tracked.b = 3
print(table.concat(log, " "), tracked.a, tracked.b)
local store = {}
local redirect = setmetatable({}, {__newindex = store})
redirect.x = "in store"
print(rawget(redirect, "x"), store.x)
local ro = setmetatable({}, {__index = {k = 1}, __newindex = function(t, k) error("read-only: " .. k, 2) end})
print(ro.k, pcall(function() ro.k = 5 end))
-- existing fields bypass __newindex
local t = setmetatable({present = 1}, {__newindex = function() error("not called") end})
t.present = 2
print(t.present)
-- chains of __newindex tables
local final = {}
local mid = setmetatable({}, {__newindex = final})
local top = setmetatable({}, {__newindex = mid})
top.v = 10
print(rawget(top, "v"), rawget(mid, "v"), final.v)
print(pcall(function() local n; n.x = 1 end))
print(pcall(function() local s = "str"; s.x = 1 end))
print(pcall(function() rawset({}, nil, 1) end))
local arr = setmetatable({}, {__newindex = function(t, i, v) rawset(t, i, v * 2) end})
for i = 1, 5 do arr[i] = i end
print(table.concat(arr, ","))
ro.z = 1
