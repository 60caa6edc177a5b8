-- a local (upvalue) function alias used in a hot loop is reassigned mid-loop
local floor = math.floor
local function f(x) return floor(x) end
local s = 0
for i = 1, 300 do
  if i == 200 then floor = math.ceil end
  s = s + f(i + 0.5)
end
print(s)
local op = function(a, b) return a + b end
local acc = 0
for i = 1, 300 do
  acc = op(acc, i)
  if i == 100 then op = function(a, b) return a - b end end
  if i == 200 then op = math.max end
end
print(acc)
local tbl = {fn = tostring}
local out = {}
for i = 1, 150 do
  if i == 75 then tbl.fn = function(x) return "<" .. x .. ">" end end
  out[#out + 1] = tbl.fn(i)
end
print(out[74], out[75], out[150])
