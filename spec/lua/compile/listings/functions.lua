-- nested functions, upvalues at several levels, methods, varargs, tail calls
local function counter()
  local n = 0
  return function ()
    n = n + 1
    return n
  end
end
local c1 = counter()
c1(); c1()
print(c1())
local function outer()
  local a = 1
  local function mid()
    local b = 2
    return function () a = a + 1; return a + b end
  end
  return mid()
end
print(outer()())
local obj = { v = 10 }
function obj:get() return self.v end
function obj.set(self, v) self.v = v end
obj:set(42)
print(obj:get(), obj.get(obj))
local M = { sub = {} }
function M.sub.f(x) return x * 2 end
function M.sub:g(x) return x + 1 end
print(M.sub.f(4), M.sub:g(4))
local function va(...)
  local n = select('#', ...)
  local a, b = ...
  local t = { ... }
  local t2 = { 0, ... }
  return n, a, b, #t, #t2, ...
end
print(va(1, nil, 3))
print((va(1, 2)))
local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
print(tail(100))
local function multi() return 1, 2, 3 end
print(multi(), multi())
print(({ multi() })[3], #{ multi(), multi() })
local function pass(...) return ... end
print(pass(multi()))
function globalfn(a, b) return a - b end
print(globalfn(10, 3))
