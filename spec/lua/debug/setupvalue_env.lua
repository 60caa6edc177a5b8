local f = load("return value")
print(f())
print(debug.setupvalue(f, 1, { value = "from custom env" }))
print(f())
local function g() return tostring(print) ~= nil end
print(debug.getupvalue(g, 1), debug.getupvalue(g, 2))
