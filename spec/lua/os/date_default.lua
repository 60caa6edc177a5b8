-- os.date() and os.date(fmt) use the current time
local s = os.date()
print(type(s), #s == 24)
print(os.date("%Y") == os.date("*t").year .. "")
print(os.date("!%Y-%m-%d", os.time()) == os.date("!%Y-%m-%d"))
print(os.date(nil, 0) == os.date("%c", 0))
print(type(os.date("!*t")), type(os.date("*t").isdst))
