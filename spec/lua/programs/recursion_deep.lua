-- plain (non-tail) recursion 10000 deep, deep pcall nesting and mutual recursion with results
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
local function sumto(n) if n == 0 then return 0 end local r = sumto(n - 1); return r + n end
print(sumto(10000))
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))
local function nest(n) if n == 0 then error("bottom") end return pcall(nest, n - 1) end
local r = table.pack(nest(150)); print(r.n, r[1], r[r.n - 1], r[r.n])
local function build(n) if n == 0 then return {} end return {build(n - 1)} end
local t, d = build(5000), 0
while t[1] do t = t[1]; d = d + 1 end
print(d)
local function hanoi(n, a, b, c, moves)
  if n == 0 then return moves end
  moves = hanoi(n - 1, a, c, b, moves)
  moves = moves + 1
  return hanoi(n - 1, c, b, a, moves)
end
print(hanoi(12, "A", "B", "C", 0))
