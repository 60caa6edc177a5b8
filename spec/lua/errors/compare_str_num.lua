print("a" <= 1)
