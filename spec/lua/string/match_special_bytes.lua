-- patterns and subjects with \0 and high bytes
print(string.find("abc\0efg", "%\0"), string.find("abc\0efg", "\0", 1, true), string.find("a\0", "[\0]"))
print(string.match("abc\0efg\0\1e\1g", "%b\0\1") == "\0efg\0\1e\1", #string.match("abc\0\0\0", "%\0+"))
print(string.find("b$a", "$\0?"), string.find("abc\0\0", "\0."), string.find("\255\254", "[\254-\255]+"))
print(string.gsub("\0\1\2", "%c", "."), string.gsub("x\200y", "[\128-\255]", "?"))
print(string.find("abc", "[%w\0]+"), string.match("\0abc", "^%z"), string.match("a.b", "[.]"))
