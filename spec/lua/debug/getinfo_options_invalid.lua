print(pcall(debug.getinfo, 1, "x"))
print(pcall(debug.getinfo, 1, ">S"))
print(pcall(debug.getinfo, print, ">"))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, "a"))
print(debug.getinfo(1, "") ~= nil)
local keys = {}
for k in pairs(debug.getinfo(1, "")) do keys[#keys + 1] = k end
print(#keys)
