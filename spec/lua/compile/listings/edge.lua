-- loops with captured locals (CLOSE on break and goto), continue inside repeat, nesting
local fs = {}
for i = 1, 10 do
  local v = i * 10
  fs[#fs + 1] = function () return v end
  if i == 3 then break end
end
print(#fs, fs[3]())
local n = 0
repeat
  n = n + 1
  if n % 2 == 1 then goto continue end
  io.write(n, " ")
  ::continue::
until n >= 6
print()
local j = 0
while j < 3 do
  j = j + 1
  local c = j
  fs[j] = function () return c end
  if j == 2 then goto done end
end
::done::
print(j, fs[1](), fs[2]())
local function fact(x) if x <= 1 then return 1 end return x * fact(x - 1) end
print(fact(10))
local deep = function (a)
  return function (b)
    return function (c) return a + b + c end
  end
end
print(deep(1)(2)(3))
local x = 0
for _ = 1, 3 do
  for _ = 1, 3 do
    x = x + 1
    if x > 7 then goto out end
  end
end
::out::
print(x)
local t = setmetatable({}, { __index = function (_, k) return k * 2 end })
print(t[21], t[1.5], t[-1])
local e = nil
print(e == nil, nil == e, e ~= nil, not e)
