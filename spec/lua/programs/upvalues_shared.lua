-- upvalues shared between sibling closures, nested levels, and after the frame returns
local function make()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  local function nested() return function() v = v + 1; return v end end
  return get, set, nested()
end
local get, set, bump = make()
print(get()); set(5); print(get()); print(bump(), bump(), get())
local function outer()
  local a = 1
  local function mid()
    local b = 2
    return function() a = a + 1; b = b + 1; return a + b end
  end
  local f1, f2 = mid(), mid()
  return f1, f2, function() return a end
end
local f1, f2, ga = outer()
print(f1(), f1(), f2(), ga())
-- upvalue captured while still open, then closed when the block ends
local fns = {}
do
  local x = "open"
  fns[1] = function() return x end
  x = "changed"
end
print(fns[1]())
-- parameter captured
local function adder(n) return function(m) n = n + m; return n end end
local add = adder(10)
print(add(1), add(2), adder(0)(7))
-- deep chain of upvalues
local function lvl1()
  local z = "z"
  return function() return function() return function() return z .. "!" end end end
end
print(lvl1()()()())
print(pcall(function() local u = nil; return (function() return u.field end)() end))
