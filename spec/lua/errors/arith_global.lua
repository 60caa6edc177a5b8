print(2 - missing)
