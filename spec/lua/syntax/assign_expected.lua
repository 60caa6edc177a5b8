local t = {}
t.x
