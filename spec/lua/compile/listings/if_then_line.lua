-- the test of an if/elseif condition is on the line of its 'then'
local a, b = ...
a, b = a or 1, b or 2
if
  a
then
  b = 1
elseif b
  and a
then
  b = 2
elseif a < b then b = 3
end
if a then break_ = 1 end
while a do
  if b
  then break end
end
print(a, b)
