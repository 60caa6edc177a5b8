-- anchored patterns and the maximum number of replacements
print(string.gsub("aaa", "^a", "b"), string.gsub("aaa", "a", "b", 2), string.gsub("aaa", "a", "b", 0))
print(string.gsub("aaa", "a", "b", -1), string.gsub("aaa", "a", "b", 100), string.gsub("aaa", "a", "b", 2.0))
print(string.gsub("hello world", "^(%w+)", "%1!"), string.gsub("hello", "^", ">"), string.gsub("hello", "$", "<"))
print(string.gsub("abc", "^x", "y"), string.gsub("^abc", "%^a", "y"), string.gsub("a^b", "^", "."))
print(string.gsub("abc", ".", "x", math.maxinteger), string.gsub("abc", ".", "x", math.mininteger))
print(string.gsub("abc", "", "-", 2))
print(pcall(string.gsub, "abc", "b", "x", "y"))
print(pcall(string.gsub, "abc", "b", "x", 1.5))
