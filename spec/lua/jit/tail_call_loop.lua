-- tail calls inside hot code: loop-like tail recursion and a state machine of tail calls
local function loop(i, acc)
  if i > 5000 then return acc end
  return loop(i + 1, acc + i)
end
print(loop(1, 0))
local a, b, c
function a(n, s) if n == 0 then return s end return b(n - 1, s .. "a") end
function b(n, s) if n == 0 then return s end return c(n - 1, s) end
function c(n, s) if n == 0 then return s end return a(n - 1, s) end
print(#a(3000, ""), a(7, ""))
local function countdown(n) if n == 0 then return "liftoff" end return countdown(n - 1) end
local r
for i = 1, 100 do r = countdown(i * 10) end
print(r)
local function ftype(n, x) if n == 0 then return x, math.type(x) end return ftype(n - 1, n == 500 and x + 0.5 or x + 1) end
print(ftype(1000, 0))
