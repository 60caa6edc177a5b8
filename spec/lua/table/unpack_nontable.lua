print(table.unpack("abc", 1, 0))
print(pcall(table.unpack, 5, 1, 2))
