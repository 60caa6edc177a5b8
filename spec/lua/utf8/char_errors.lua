local function e(...) print(select(2, pcall(...))) end
e(utf8.char, -1)
e(utf8.char, 0x80000000)
e(utf8.char, 65, 0x80000000)
e(utf8.char, math.mininteger)
e(utf8.char, 1.5)
e(utf8.char, "x")
e(utf8.char, 65, nil)
e(utf8.char, {})
