print(pcall(load("local aaa={bbb=1}; aaa.bbb:ddd(9)")))
print(pcall(load("local aaa={bbb={}}; aaa.bbb:ddd(9)")))
print(pcall(load("aaa = nil; aaa.bbb:ddd(9)")))
local t = {x = 5}
t.x:method()
