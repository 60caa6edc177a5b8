local sm = setmetatable
local ok, e = pcall(function() sm(1) end)
print(e)
local t = {f = setmetatable}
ok, e = pcall(function() t.f(1) end)
print(e)
ok, e = pcall(function() t:f() end)
print(e)
setmetatable(1)
