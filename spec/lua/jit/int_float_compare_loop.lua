-- mixed int/float comparisons in hot loops (i < 2.5, float loop vs int limits, == across types)
local c = {0, 0, 0, 0}
for i = 1, 300 do
  if i < 150.5 then c[1] = c[1] + 1 end
  if i + 0.0 == i then c[2] = c[2] + 1 end
  if i / 2 == i // 2 then c[3] = c[3] + 1 end
  if 100.0 <= i then c[4] = c[4] + 1 end
end
print(table.concat(c, " "))
local hits = 0
for x = 0.5, 200.5 do if x > 100 and x < 101 then hits = hits + 1 end end
print(hits)
local eqs = 0
for i = -100, 100 do if (i * 0.5) == (i // 2) then eqs = eqs + 1 end end
print(eqs)
local lt = 0
for i = 1, 200 do if "10" < tostring(i) then lt = lt + 1 end end
print(lt)
print(pcall(function() local n = 0; for i = 1, 200 do if i < (i == 120 and "5" or 5) then n = n + 1 end end end))
