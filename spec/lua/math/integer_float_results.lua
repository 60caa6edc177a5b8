print(math.floor(-3.5) // 1, math.ceil(2.1) * 2, math.abs(-4) + 0.0, math.max(1, 2.5))
print(3 // 0.0, -3 // 0.0, math.fmod(3, 2.0), math.floor(2^31 + 0.5), math.ceil(-2^31 - 0.5))
print(math.floor(-2^53 - 0.0), math.ceil(2^53 - 0.5))
