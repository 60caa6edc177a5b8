local function f()
  return debug.getinfo(1, "f").func
end
print(f() == f)
local function g() return debug.getinfo(2, "f").func end
local function h() return g() == h end
print(h())
print(debug.getinfo(print, "f").func == print)
print(debug.getinfo(1, "f").func ~= nil)
