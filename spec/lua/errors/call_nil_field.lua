local t = {}
t.x.y()
