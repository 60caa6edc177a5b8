-- _ENV as a local, strings with escapes, method call chains, parentheses
local print = print
do
  local _ENV = { x = 5 }
  y = x + 1
  print(x, y)
end
local s = "tab\there\nnew \"q\" \\ \0 end"
print(#s, s:upper():lower():len())
local t = setmetatable({}, { __index = function (_, k) return k .. "!" end })
print(t.a, t["b"], (t).c)
local f = function (...) return select('#', ...) end
print(f(), f(nil), f(nil, nil), (f(1, 2)))
local long = [[
long string]]
print(long, #long)
local n = 0
local function inc() n = n + 1; return n end
local r = { inc(), inc(), x = inc() }
print(r[1], r[2], r.x)
print(...)
