local a <close> = nil
local function g() end
a = g
