-- hot loops reading and writing upvalues (open and closed), shared by several closures
local counter = 0
local function inc() counter = counter + 1 end
for i = 1, 1000 do inc() end
print(counter)
local function make()
  local n = 0
  local total = 0.0
  return function(x) n = n + 1; total = total + x; return n end, function() return n, total end
end
local add, get = make()
for i = 1, 400 do add(i / 4) end
print(get())
local acc = 0
local fns = {}
for i = 1, 200 do
  local own = i
  fns[i] = function() own = own + acc; return own end
  acc = acc + 1
end
local s = 0
for i = 1, 200 do s = s + fns[i]() end
print(s, acc)
local shared = {n = 0}
local function bump() shared.n = shared.n + 1 end
for i = 1, 300 do bump(); if i == 150 then shared = {n = 1000} end end
print(shared.n)
local x = 1
for i = 1, 150 do
  (function() x = x * 2 % 1000007 end)()
end
print(x)
