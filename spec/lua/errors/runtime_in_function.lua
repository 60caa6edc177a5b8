local function inner() local t = nil return t[1] end
local function outer() return inner() .. "x" end
print(pcall(outer))
outer()
