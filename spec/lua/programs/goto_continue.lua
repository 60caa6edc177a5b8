-- goto: continue idiom, backward jumps forming loops, nested labels, and goto rule errors
for i = 1, 10 do
  if i % 3 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local i = 1
::top::
if i <= 5 then
  io.write(i * i, " ")
  i = i + 1
  goto top
end
print()
for a = 1, 3 do
  for b = 1, 3 do
    if b == a then goto next_a end
    io.write(a, b, " ")
  end
  ::next_a::
end
print()
do
  goto skip
  print("skipped")
  ::skip::
end
-- closures made in a goto loop capture fresh locals each time
local fs = {}
do
  local k = 1
  ::again::
  local captured = k * 100
  fs[#fs + 1] = function() return captured end
  k = k + 1
  if k <= 3 then goto again end
end
print(fs[1](), fs[2](), fs[3]())
print(load("goto nowhere"))
print(load("do ::a:: end ::a:: ::a::"))
print(load("goto f; local x; ::f:: print(x)"))
print(load("do goto f; local x end ::f::") ~= nil)
print(load("local x <const> = 1 goto l ::l::") ~= nil)
