-- an uncaught pattern error carries the caller's position
print(("abc"):find("b"))
print(string.gsub("abc", "(", "x"))
print(string.gsub("abc", "%w%", "x"))
