-- upvalue identities: shared upvalues have one id; host closures (gmatch's iterator keeps
-- the subject, the pattern and its state as upvalues) have ids too
local a, b = 1, 2
local function foo1 () return a + b end
local function foo2 () return b + a end
local foo3
do
  local a = 10
  foo3 = function () return a + b end
end
print(debug.upvalueid(foo1, 1) == debug.upvalueid(foo2, 2))
print(debug.upvalueid(foo1, 2) == debug.upvalueid(foo2, 1))
print(debug.upvalueid(foo1, 1) ~= debug.upvalueid(foo3, 1))
print(debug.upvalueid(foo1, 2) == debug.upvalueid(foo3, 2))
print(debug.upvalueid(foo1, 3))
local g = string.gmatch("xy", "x")
print(debug.upvalueid(g, 1) ~= nil, debug.upvalueid(g, 3) ~= nil, debug.upvalueid(g, 4))
print(select(2, debug.getupvalue(g, 1)), select(2, debug.getupvalue(g, 2)))
print(pcall(debug.upvalueid, print, 1))
