local b = true
local function f() return "x" .. b end
f()
