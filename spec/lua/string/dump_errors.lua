-- string.dump argument checks; C functions cannot be dumped
print(pcall(string.dump))
print(pcall(string.dump, 1))
print(pcall(string.dump, {}))
print(pcall(string.dump, print))
print(pcall(string.dump, string.dump))
print(pcall(string.dump, setmetatable({}, {__call = print})))
