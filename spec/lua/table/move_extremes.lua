local maxI, minI = math.maxinteger, math.mininteger
local a = table.move({[maxI - 2] = 1, [maxI - 1] = 2, [maxI] = 3}, maxI - 2, maxI, -10, {})
print(a[-10], a[-9], a[-8])
a = table.move({[minI] = 1, [minI + 1] = 2, [minI + 2] = 3}, minI, minI + 2, -10, {})
print(a[-10], a[-9], a[-8])
a = table.move({45}, 1, 1, maxI)
print(a[1], a[maxI])
a = table.move({[maxI] = 100}, maxI, maxI, minI)
print(a[minI], a[maxI])
