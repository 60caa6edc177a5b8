-- unbounded non-tail recursion raises Lua's catchable "stack overflow" error with a position
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(5000))
local calls = 0
local function inf(a, b, c)
  calls = calls + 1
  return 1 + inf(a, b, c)
end
local ok, err = pcall(inf)
print(ok, err, calls > 1000)
print(depth(100))
