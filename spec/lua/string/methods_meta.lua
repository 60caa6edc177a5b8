-- the string metatable: __index is the string table, methods on literals and values
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("abc") == mt)
print(("abc"):upper(), ("%d-%s"):format(4, "x"), ("x"):rep(3, "."))
local s = "Hello"
print(s:len(), s:byte(), s:lower(), #s)
print(type(("abc").len), ("abc").nothing, ("abc")[1], ("abc").len == string.len)
string.shout = function(x) return x:upper() .. "!" end
print(("hey"):shout())
string.shout = nil
print(pcall(function() return ("hey"):shout() end))
print(rawequal(getmetatable("x").__index, string), rawlen("abc"))
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
local names = {}
for k in pairs(string) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
