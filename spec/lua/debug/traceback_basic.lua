local function f()
  print(debug.traceback("msg"))
  print(debug.traceback("lvl2", 2))
end
local function g() f() end
g()
print(debug.traceback())
