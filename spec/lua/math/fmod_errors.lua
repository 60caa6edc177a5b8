local function e(...) print(select(2, pcall(...))) end
e(math.fmod, 1, 0)
e(math.fmod, math.mininteger, 0)
e(math.fmod, 1)
e(math.fmod)
e(math.fmod, "a", 1)
e(math.fmod, 1.5, {})
