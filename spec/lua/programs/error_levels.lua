-- error levels 1 and 2 (and 3) attribute the position to the right caller
local function lvl(n) error("level " .. n, n) end
local function caller(n) lvl(n) end
print(pcall(caller, 1))
print(pcall(caller, 2))
print(pcall(caller, 3))
local function check(x)
  if type(x) ~= "number" then error("expected number, got " .. type(x), 2) end
  return x
end
local function user()
  return check("str")
end
print(pcall(user))
print(pcall(check, "direct"))
local function argerr() return ("x"):rep({}) end
print(pcall(argerr))
local t = setmetatable({}, {__index = function(_, k) error("no field " .. k, 2) end})
print(pcall(function()
  return t.missing
end))
local function assertive(v) return assert(v, "assertion text") end
print(pcall(assertive, false))
print(pcall(assert, nil))
print(pcall(assert, 1, 2, 3))
print(type(select(2, pcall(assert, false, {1}))))
print(select(2, pcall(assert)))
local function deep3() error("deep", 3) end
local function deep2() deep3() end
local function deep1()
  deep2()
end
print(pcall(deep1))
check({})
