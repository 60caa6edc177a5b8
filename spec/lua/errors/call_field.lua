local t = {}
t.fn()
