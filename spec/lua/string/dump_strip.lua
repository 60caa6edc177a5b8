-- stripped dumps lose source, lines and names but still run
local function f(a) local c = a + 1; return c end
local s = string.dump(f, true)
print(#s < #string.dump(f), load(s)(41))
print(pcall(load(s), {}))
print(pcall(load(string.dump(f, false)), {}))
print(pcall(load(string.dump(function() return undefinedglobal.x end, true))))
print(pcall(load(string.dump(function() return undefinedglobal.x end))))
