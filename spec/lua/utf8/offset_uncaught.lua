print(utf8.offset("\u{20AC}", 2, 2))
