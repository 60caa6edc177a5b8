-- argument errors of string.sub
print(pcall(string.sub, "abc"))
print(pcall(string.sub, "abc", "x"))
print(pcall(string.sub, "abc", 1.5))
print(pcall(string.sub, "abc", 1, {}))
print(pcall(string.sub, nil, 1))
print(pcall(string.sub, "abc", 2^63))
print(pcall(function() return ("abc"):sub() end))
print(pcall(function() local t = {sub = string.sub}; return t:sub(1) end))
