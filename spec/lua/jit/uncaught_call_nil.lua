-- a function stored in a table is removed mid-loop; calling it raises an uncaught error
local handlers = {}
for i = 1, 10 do handlers[i] = function(x) return x + i end end
local acc = 0
for i = 1, 400 do
  local h = handlers[i % 10 + 1]
  acc = h(acc) % 100003
  if i == 250 then handlers[4] = nil; print("removed at", i, acc) end
end
print(acc)
