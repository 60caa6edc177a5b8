-- goto-based loops that get hot: continue idiom, backward goto loop, goto out of nested loops
local odd = 0
for i = 1, 1000 do
  if i % 2 == 0 then goto continue end
  odd = odd + i
  ::continue::
end
print(odd)
local i, s = 0, 0
::top::
i = i + 1
s = s + i * i
if i < 300 then goto top end
print(i, s)
local found
for a = 1, 100 do
  for b = 1, 100 do
    if a * b == 3551 then found = a .. "," .. b; goto done end
  end
end
::done::
print(found)
local n = 0
local k = 0
while k < 500 do
  k = k + 1
  if k % 3 == 0 then goto skip end
  if k % 5 == 0 then goto skip end
  n = n + 1
  ::skip::
end
print(n)
