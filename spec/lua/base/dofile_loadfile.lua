print(loadfile("nonexistent_file.lua"))
print(pcall(dofile, "nonexistent_file.lua"))
