print(math.sin("0"), math.sqrt("4"), math.floor(" 3.9 "), math.max("10", "9"))
print(math.abs("0x10"), math.fmod("7", 2), math.ult("1", 2), math.tointeger("  5  "))
print(pcall(math.sqrt, "4x"))
