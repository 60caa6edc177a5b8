local f = 5
local function g() f() end
g()
