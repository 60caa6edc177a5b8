local u
local function f() return u.field end
f()
