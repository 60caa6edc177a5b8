-- table.insert at a position and table.remove shift the elements between: short and long
-- shifts, arrays whose elements live partly in the hash part, arrays grown past their array
-- part by the insert, nil holes, values of every type, and tables with metamethods.

local function show(t, n)
  local r = {}
  for i = 1, n or #t do r[#r + 1] = tostring(t[i]) end
  return table.concat(r, ",")
end

-- short and long shifts on a constructor-built array
for _, n in ipairs({ 1, 2, 5, 9, 17, 40 }) do
  local t = {}
  for i = 1, n do t[i] = i * 10 end
  table.insert(t, 1, "a")
  table.insert(t, math.max(1, #t // 2), "m")
  table.insert(t, #t, "e")
  local r1 = table.remove(t, 1)
  local r2 = table.remove(t, math.max(1, #t // 3))
  local r3 = table.remove(t)
  print(n, #t, r1, r2, r3, show(t))
end

-- elements in the hash part (built backwards), then shifted through both parts
local h = {}
for i = 30, 1, -1 do h[i] = "v" .. i end
table.insert(h, 3, "x")
table.insert(h, 1, true)
print(#h, show(h))
print(table.remove(h, 2), table.remove(h, 20), #h, show(h))

-- an insert that grows the table past its array part (t[#t+1] is a new key)
local g = { 1, 2, 3, 4, 5, 6, 7, 8 }
for k = 1, 20 do table.insert(g, (k % #g) + 1, -k) end
print(#g, show(g))
while #g > 3 do table.remove(g, (#g % 4) + 1) end
print(#g, show(g))

-- mixed value types keep their identity through the shifts
local f = function() end
local tt = {}
local m = { 1, 2.5, "s", f, tt, false, 3 }
table.insert(m, 2, math.maxinteger)
table.insert(m, 5, math.mininteger)
print(m[1], m[2], m[3], m[4], m[5], m[6] == "s", m[7] == f, m[8] == tt, m[9], m[10])
print(table.remove(m, 7) == f, table.remove(m, 2), #m, m[7] == false)

-- remove at #t + 1 and on empty tables; insert at #t + 1
local e = {}
print(table.remove(e), table.remove(e, 1), table.remove(e, 0), #e)
table.insert(e, 1, "only")
table.insert(e, 2, "second")
print(show(e), table.remove(e, 3), #e)
print(pcall(table.insert, e, 5, "x"))
print(pcall(table.insert, e, 0, "x"))
print(pcall(table.remove, e, 7))

-- a window kept sorted by positional insert, trimmed from both ends (as the sort benchmark)
local w, removed = {}, 0
local seed = 11.0
for _ = 1, 3000 do
  seed = (seed * 16807) % 2147483647
  local v = math.floor(seed % 1000)
  local pos = #w + 1
  while pos > 1 and w[pos - 1] > v do pos = pos - 1 end
  table.insert(w, pos, v)
  if #w > 64 then removed = removed + table.remove(w, 1) + table.remove(w) end
end
print("window", #w, removed, w[1], w[32], w[#w])

-- metamethods see every move
local log = {}
local store = { 1, 2, 3, 4 }
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "r" .. k; return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "w" .. k; store[k] = v end,
  __len = function() return #store end,
})
table.insert(p, 2, "x")
print(table.concat(log, " "))
log = {}
print(table.remove(p, 1), table.concat(log, " "))
print(show(store))
