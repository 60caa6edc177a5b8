-- argument error names for method calls and calls through fields
print(pcall(function() return ("x"):rep() end))
print(pcall(function() return ("x"):sub({}) end))
print(pcall(function() local t = {rep = string.rep}; return t:rep(2) end))
print(pcall(function() return string.rep() end))
print(pcall(function() local f = string.byte; return f({}) end))
print(pcall(function() return ("x"):format(1) end))
print(pcall(function() return ("%d"):format("x") end))
print(pcall(function() return ("x"):char() end))
