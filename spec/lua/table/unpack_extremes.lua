local maxI, minI = math.maxinteger, math.mininteger
local t = {[maxI - 1] = 12, [maxI] = 23}
print(table.unpack(t, maxI - 1, maxI))
print(table.unpack(t, maxI, maxI))
print(select("#", table.unpack(t, maxI, maxI - 1)))
t = {[minI] = 12.5, [minI + 1] = 23.5}
print(table.unpack(t, minI, minI + 1))
print(table.unpack(t, minI, minI))
