print("hello from lunet")
