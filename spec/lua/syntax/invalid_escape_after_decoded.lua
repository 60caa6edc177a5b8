x = "a\tb\65\q"
