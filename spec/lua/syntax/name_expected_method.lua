a:b:c()
