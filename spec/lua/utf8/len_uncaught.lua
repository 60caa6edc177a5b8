local n = utf8.len("abc", 7)
