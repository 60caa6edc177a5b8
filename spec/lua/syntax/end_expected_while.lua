while true do
  x = 1

