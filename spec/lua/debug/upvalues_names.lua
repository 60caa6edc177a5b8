local x, y = 1, 2
local function f()
  local function g() return x + y end
  return g
end
local g = f()
for i = 1, 3 do print(i, debug.getupvalue(g, i)) end
local h = load("local a = ... return function() return a end")(5)
print(debug.getupvalue(h, 1))
local main = load("return 1")
print(debug.getupvalue(main, 1) == "_ENV", select(2, debug.getupvalue(main, 1)) == _G)
