local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(1000000, 0))
local function a(n) if n == 0 then return "done" end return (function(m) return a(m) end)(n - 1) end
print(a(100))
local function va(...) return select('#', ...) end
local function tv(...) return va(...) end
print(tv(1, 2, nil))
local t = setmetatable({}, {__call = function(self, x) return x * 2 end})
local function tc(x) return t(x) end
print(tc(21))
local function tp(...) return print(...) end
tp("tail", "print")
