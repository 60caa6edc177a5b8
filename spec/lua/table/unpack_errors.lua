local function e(...) print(select(2, pcall(...))) end
local maxI, minI = math.maxinteger, math.mininteger
e(table.unpack, {}, 1, 1e7)
e(table.unpack, {}, 0, maxI)
e(table.unpack, {}, minI, maxI)
e(table.unpack, {}, 1, (1 << 31) - 1)
e(table.unpack, nil)
e(table.unpack, {}, 1.5)
e(table.unpack, {}, 1, "z")
print(table.unpack({}, maxI, minI))
print(table.unpack({}, 10, 0))
