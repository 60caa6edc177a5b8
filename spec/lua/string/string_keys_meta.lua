-- indexing strings: methods, missing keys, and errors on non-string-keyed access
local s = "abc"
print(s.len(s), s.nope, s[1], s["sub"] == string.sub)
print(pcall(function() s.x = 1 end))
print(pcall(function() return #s.nope end))
print(pcall(function() return s:nope() end))
print(pcall(function() return (nil):len() end))
print(pcall(function() local n = 5; return n:len() end))
