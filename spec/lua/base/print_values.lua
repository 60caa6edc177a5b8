print()
print(nil, true, false, 0, -0, 1.0, -1.5, 1e300, 2^63)
print("tab\tsep", "nul\0byte")
print(1/0, -1/0)
