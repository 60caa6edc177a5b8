local obj = {flag = true}
obj:flag()
