print(math.deg(math.pi), math.deg(0), math.deg(1), math.rad(180), math.rad(90), math.rad(1))
print(math.deg(math.pi / 4), math.rad(45), math.type(math.deg(1)), math.deg(-0.0))
print(pcall(math.deg, "x"))
