-- classic: a binary min-heap priority queue (push/pop/peek) used for heap sort and k-smallest
local Heap = {}
Heap.__index = Heap
function Heap.new(cmp) return setmetatable({n = 0, cmp = cmp or function(a, b) return a < b end}, Heap) end
function Heap:push(v)
  self.n = self.n + 1
  local i = self.n
  self[i] = v
  while i > 1 do
    local p = i // 2
    if self.cmp(self[i], self[p]) then self[i], self[p] = self[p], self[i]; i = p else break end
  end
end
function Heap:pop()
  if self.n == 0 then return nil end
  local top = self[1]
  self[1] = self[self.n]
  self[self.n] = nil
  self.n = self.n - 1
  local i = 1
  while true do
    local l, r, s = 2 * i, 2 * i + 1, i
    if l <= self.n and self.cmp(self[l], self[s]) then s = l end
    if r <= self.n and self.cmp(self[r], self[s]) then s = r end
    if s == i then break end
    self[i], self[s] = self[s], self[i]
    i = s
  end
  return top
end
function Heap:peek() return self[1] end
local h = Heap.new()
local x = 17
for i = 1, 50 do x = (x * 31 + 7) % 101; h:push(x) end
print(h.n, h:peek())
local out = {}
while h.n > 0 do out[#out + 1] = h:pop() end
print(table.concat(out, " "))
print(h:pop(), h:peek())
local maxh = Heap.new(function(a, b) return a.pri > b.pri end)
for i, name in ipairs({"low", "high", "mid", "urgent", "none"}) do maxh:push({pri = ({2, 8, 5, 10, 0})[i], name = name}) end
local order = {}
while maxh.n > 0 do order[#order + 1] = maxh:pop().name end
print(table.concat(order, " > "))
local fh = Heap.new()
for _, v in ipairs({3.5, -1, 2, -0.5, 2^53, math.mininteger}) do fh:push(v) end
local fo = {}
while fh.n > 0 do fo[#fo + 1] = tostring(fh:pop()) end
print(table.concat(fo, " "))
