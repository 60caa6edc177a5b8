-- arithmetic and bitwise operators with registers, immediates and constants; folding
local a, b = 7, 2.5
print(a + 1, a - 1, a * 3, a / 2, a // 2, a % 3, a ^ 2)
print(1 + a, 3 - a, 3 * a, 10 / a, 10 // a, 10 % a, 2 ^ a)
print(a + b, a - b, a * b, a / b, a // b, a % b, a ^ b)
print(a + 1000, a - 1000, a * 1.5, a + 0.5, a - -3)
print(a & 3, a | 8, a ~ 5, a << 2, a >> 1, 3 << a, 1 >> a, ~a, -a, #"abc")
print(a & b // 1, 0xff & a, a << -1, a >> -2)
print(2 + 3, 2 * 3.5, 7 // 2, 7 % 3, 7 / 2, 2 ^ 10, -(-3), ~0, 1 << 62, 1 << 63, 1 << 64)
print(5 // 0.0, -5 % 0.0, 1 / 0, 0 / 0 ~= 0 / 0, 3 % -2, -3 % 2, 3.5 % -2, -7 // 2)
print(math.maxinteger + 1 == math.mininteger, 9007199254740993, 0x7fffffffffffffff)
print("10" + 1, "3" * "4", 10 .. 20)
local s = "x" .. a .. "y" .. b .. "z"
print(s, a .. b, ("a"):rep(3) .. "b")
print(300 + a, a + 127, a + 128, a - 128, a - 127, a * 255, a * 256)
