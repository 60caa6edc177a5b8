print(pcall(function() return -{} end))
print(pcall(function() return ~{} end))
