-- varargs functions called from hot loops: select('#'), select(n), table.pack, forwarding
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...) or 0) end
  return s
end
local function fwd(...) return sum(...) end
local function pick(n, ...) return (select(n, ...)) end
local total, cnt = 0, 0
for i = 1, 300 do
  total = total + fwd(i, i * 2, nil, 1)
  cnt = cnt + select('#', table.unpack({i, nil, i}, 1, 3))
  total = total + pick(i % 3 + 1, 10, 20, 30)
end
print(total, cnt)
local packed = 0
for i = 1, 200 do local p = table.pack(i, nil, nil); packed = packed + p.n end
print(packed)
local function tailsel(n, ...) if n == 0 then return select('#', ...) end return tailsel(n - 1, n, ...) end
print(tailsel(150))
