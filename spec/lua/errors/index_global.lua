print(someglobal.field)
