local function e(...) print(select(2, pcall(...))) end
local maxI, minI = math.maxinteger, math.mininteger
e(table.move, {}, 0, maxI, 1)
e(table.move, {}, -1, maxI - 1, 1)
e(table.move, {}, minI, -1, 1)
e(table.move, {}, 1, maxI, 2)
e(table.move, {}, 1, 2, maxI)
e(table.move, {}, minI, -2, 2)
e(table.move, {}, 1, 2)
e(table.move, {}, 1, nil, 3)
e(table.move, nil, 1, 2, 3)
e(table.move, {}, 1, 2, 3, 4)
e(table.move, {}, 1.5, 2, 3)
