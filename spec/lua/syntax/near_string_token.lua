x = 1 "a\tb" 2
