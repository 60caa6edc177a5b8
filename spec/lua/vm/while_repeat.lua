local i, s = 0, 0
while i < 10 do i = i + 1 if i % 2 == 0 then s = s + i end end
print(s)
repeat local done = i > 12 i = i + 1 until done
print(i)
while true do i = i - 1 if i < 5 then break end end
print(i)
