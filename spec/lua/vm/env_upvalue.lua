local print = print
do
  local _ENV = {x = 5}
  print(x)
  y = 10
  print(y, _ENV.y)
end
local function f() local _ENV <const> = {z = 1} return z end
print(f())
print(rawget(_G, "y"))
