local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(debug.upvalueid(c1, 1) == debug.upvalueid(c2, 1))
print(debug.upvalueid(c1, 1) == debug.upvalueid(c1, 1))
debug.upvaluejoin(c2, 1, c1, 1)
c1(); c1()
print(c2(), debug.upvalueid(c1, 1) == debug.upvalueid(c2, 1))
