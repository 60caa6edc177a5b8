local function counter() local n = 0 return function() n = n + 1 return n end end
local c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local shared = {}
do local x = 10 shared.get = function() return x end shared.set = function(v) x = v end end
shared.set(42) print(shared.get())
local function outer() local a = 1 local function mid() local function inner() a = a + 1 return a end return inner end return mid() end
local inc = outer() print(inc(), inc())
local acc = {}
local i = 1
while i <= 3 do local j = i acc[i] = function() return j end i = i + 1 end
print(acc[1](), acc[3]())
