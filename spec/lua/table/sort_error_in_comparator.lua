local t = {3, 1, 2}
print(pcall(table.sort, t, function(a, b) error("boom") end))
local ok, e = pcall(table.sort, t, function(a, b) error({code = 7}) end)
print(ok, type(e), e.code)
