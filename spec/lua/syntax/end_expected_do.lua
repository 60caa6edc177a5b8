do
  local x = 1
  print(x)
until x
