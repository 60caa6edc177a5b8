local up = {}
local function f() return up + 1 end
f()
