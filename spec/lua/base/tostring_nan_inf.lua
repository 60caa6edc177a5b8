print(tostring(1/0), tostring(-1/0), tostring(0/0) == tostring(0/0))
print(2^1023 * 2, -2^1023 * 2, 1e308 * 10 == 1/0)
print(math_pi, 3.14159265358979, 1e-300 * 1e-300, -1e-300 * 1e-300)
print(255 // 1, 1e15 // 1, 2^53, 2^53 + 1)
