-- goto, labels, the continue idiom, backward gotos closing upvalues
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local i = 1
::top::
if i <= 3 then
  io.write("i", i, " ")
  i = i + 1
  goto top
end
print()
local fs = {}
do
  local k = 0
  ::again::
  local x = k
  fs[#fs + 1] = function () return x end
  k = k + 1
  if k < 3 then goto again end
end
print(fs[1](), fs[2](), fs[3]())
do
  goto skip
  print("skipped")
  ::skip::
end
while true do
  goto out
end
::out::
print("done")
