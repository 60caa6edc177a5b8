local max, min = 9223372036854775807, -9223372036854775808
print(max + 1 == min, min - 1 == max, -min == min, max * max)
print(min // -1, min % -1, max // -1)
print(1 << 63, 1 << 64, -1 >> 1, -1 >> 63, 1 << -1, 2 >> -1)
print(0x7fffffffffffffff, 0xffffffffffffffff, 0x10000000000000000)
print(5 // -2, -5 // 2, 5 % -2, -5 % 2, 3 // 3, 0 % 5)
print(1000000 * 1000000, 100000 * 100000 * 100000 * 100000)
