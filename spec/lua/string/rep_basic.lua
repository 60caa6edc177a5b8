-- string.rep with and without separators
print(string.rep("ab", 3), string.rep("ab", 3, ","), string.rep("x", 1, "SEP"))
print(string.rep("x", 0) == "", string.rep("x", -5) == "", string.rep("", 100) == "")
print(string.rep("ab", 2.0), string.rep(7, 3), string.rep("a", "3", 5))
print(#string.rep("abc", 100000), #string.rep("a", 1000, "bc"))
print(string.rep("", 5, "-"), string.rep("\0", 3) == "\0\0\0")
print(("=-"):rep(10))
