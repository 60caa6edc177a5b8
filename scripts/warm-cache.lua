-- Run by scripts/code-cache.mjs while it makes the code cache: whatever lunet compiles here
-- starts precompiled in every later run. So this touches the common syntax, the interpreter's
-- usual paths, the standard libraries most scripts use, an error and a hot loop (for the JIT).
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:len2() return self.x * self.x + self.y * self.y end
local mt = {__add = function(a, b) return Point.new(a.x + b.x, a.y + b.y) end,
            __tostring = function(p) return "(" .. p.x .. "," .. p.y .. ")" end}
mt.__index = Point

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local function sum(...)
  local s = 0
  for _, v in ipairs({...}) do s = s + v end
  return s, select("#", ...)
end

local t, words = {}, {}
for i = 1, 300 do
  t[#t + 1] = i * 0.5 + (i // 3) - (i % 7)
  words[i] = string.format("w%03d", (i * 37) % 101)
end
table.sort(words)
table.sort(t, function(a, b) return a > b end)
local counts = {}
for _, w in ipairs(words) do counts[w] = (counts[w] or 0) + 1 end
local keys = 0
for k, v in pairs(counts) do keys = keys + #k + v end

local p = setmetatable(Point.new(1, 2), mt) + setmetatable(Point.new(3, 4), mt)
local ok, err = pcall(function() local z = nil; return z.field end)
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
local c1, c2 = co(1), co(20)
local s = ("hello world"):upper():sub(1, 5):rep(2, "-")
local found = {string.find("key = value", "(%w+)%s*=%s*(%w+)")}
local gs = string.gsub("a,b,,c", ",", ";")
local n, bits = 0, 0
while n < 1000 do n = n + 1; bits = bits ~ (n << 1) & 0xff end
repeat n = n - 7 until n < 0
goto done
::done::
local out = table.concat({fib(15), sum(1, 2, 3), #t, keys, tostring(p), Point.len2(p), tostring(ok),
  tostring(err ~= nil), c1, c2, s, found[3], gs, bits, math.floor(3.7), math.max(1, 9, 3),
  tostring(nil), tonumber("0x10"), utf8.char(72, 105), tostring(os.time() > 0), #tostring(io.write)}, " ")
assert(#out > 0)
