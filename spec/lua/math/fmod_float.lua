print(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(7, 2.5), math.fmod(1, 0.0))
print(math.fmod(5.0, 0), math.fmod(-5.0, 0.0), math.fmod(math.huge, 2), math.fmod(3, math.huge))
print(math.fmod(1e308, 3), math.fmod(-0.0, 1), math.fmod(2^53, 3))
print(math.type(math.fmod(7.0, 3)), math.fmod("7", "3"), math.type(math.fmod("7", "3")))
