-- loop leaving through break at iteration 999, and a while loop ending via a late break
local last
for i = 1, 100000 do
  last = i
  if i == 999 then break end
end
print(last)
local n, s = 0, 0
while true do
  n = n + 1
  s = s + n
  if s > 499500 then break end
end
print(n, s)
local found
for i = 1, 2000 do
  for j = 1, 3 do
    if i * j == 2997 then found = i .. "*" .. j; break end
  end
  if found then break end
end
print(found)
