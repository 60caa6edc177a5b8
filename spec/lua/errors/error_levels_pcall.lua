local function lvl(n) error("at level " .. n, n) end
print(pcall(lvl, 1))
print(pcall(lvl, 2))
print(pcall(function() lvl(2) end))
print(pcall(function() lvl(3) end))
print(pcall(error, "msg", 1))
print(pcall(error, "msg", 2))
print(select("#", pcall(error, {1})))
print(pcall(error, nil))
