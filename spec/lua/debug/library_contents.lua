local names = {}
for k in pairs(debug) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
names = {}
for k in pairs(package) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
print(debug.setcstacklimit and debug.setcstacklimit(100))
print(pcall(debug.setcstacklimit))
print(pcall(debug.setcstacklimit, "x"))
