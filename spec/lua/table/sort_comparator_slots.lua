-- table.sort with a Lua comparator: the comparator sees the table as it is mid-sort, may
-- change it or give it a metatable, may return any value (truthiness counts), may raise;
-- an inconsistent one is caught at the same point as in lua5.4; host functions work too.

local function show(t, n) local r = {} for i = 1, n or #t do r[#r + 1] = tostring(t[i]) end return table.concat(r, " ") end

-- a consistent comparator on a larger array (descending), records by two keys
local seed = 7.0
local function random(k) seed = (seed * 16807) % 2147483647; return math.floor(seed % k) + 1 end
local a = {}
for i = 1, 500 do a[i] = random(1000) end
table.sort(a, function(x, y) return x > y end)
local ok = true
for i = 2, #a do if a[i - 1] < a[i] then ok = false end end
print("desc", ok, a[1], a[250], a[500])
local recs = {}
for i = 1, 300 do recs[i] = { g = random(5), id = i } end
table.sort(recs, function(p, q) if p.g ~= q.g then return p.g < q.g end return p.id > q.id end)
print("recs", recs[1].g, recs[1].id, recs[150].g, recs[150].id, recs[300].g, recs[300].id)

-- truthy non-boolean results
local t = { 5, 3, 9, 1, 7 }
table.sort(t, function(x, y) if x < y then return 0 else return nil end end)
print("truthy", show(t))

-- the comparator watches the table: record what it sees at a few comparisons
t = { 4, 2, 8, 6, 1, 9, 3 }
local seen = {}
table.sort(t, function(x, y)
  if #seen < 6 then seen[#seen + 1] = show(t) end
  return x < y
end)
print("sorted", show(t))
for i, s in ipairs(seen) do print("seen", i, s) end

-- the comparator changes an element (lua5.4's result for this exact sequence)
t = { 10, 40, 20, 30, 50, 60, 70 }
local n = 0
table.sort(t, function(x, y)
  n = n + 1
  if n == 3 then t[7] = 5 end
  return x < y
end)
print("mutated", show(t), n)

-- a metatable set in the middle: later accesses go through __index/__newindex
t = { 3, 1, 2, 6, 5, 4 }
local log = {}
local proxied = false
table.sort(t, function(x, y)
  if not proxied then
    proxied = true
    local store = {}
    for i = 1, #t do store[i] = t[i]; t[i] = nil end
    setmetatable(t, {
      __index = function(_, k) log[#log + 1] = "r" .. k; return store[k] end,
      __newindex = function(_, k, v) log[#log + 1] = "w" .. k; store[k] = v end,
      __len = function() return #store end,
    })
  end
  return x < y
end)
print("proxy", show(t, 6), #log > 0)

-- errors: raised by the comparator, invalid order function, wrong types, yield
print(pcall(table.sort, { 3, 2, 1 }, function(x, y) error("cmp failed: " .. x .. "," .. y) end))
local okt, et = pcall(table.sort, { 3, 2, 1 }, function(x, y) error({ code = 7 }) end)
print(okt, type(et), et.code)
local bad = {}
for i = 1, 20 do bad[i] = i % 3 end
print(pcall(table.sort, bad, function(x, y) return true end))
print(pcall(table.sort, { 1, "x", 2 }, function(x, y) return x < y end))
print(pcall(table.sort, { 1, 2, 3 }, 42))
local co = coroutine.wrap(function()
  local u = { 2, 1 }
  table.sort(u, function(x, y) coroutine.yield("in cmp") return x < y end)
  return "done"
end)
print(pcall(co))

-- host functions as comparators
t = { 3, 1, 2 }
table.sort(t, math.max)
print("host", show(t))
t = { "b", "a", "c" }
table.sort(t, rawequal)
print("rawequal", show(t))

-- a comparator that recurses into table.sort of another table
local outer = { 9, 7, 8 }
table.sort(outer, function(x, y)
  local inner = { y, x }
  table.sort(inner)
  return inner[1] == x and x ~= y
end)
print("nested", show(outer))

-- deep Lua recursion inside the comparator
local function depth(k) if k == 0 then return 0 end return 1 + depth(k - 1) end
t = { 2, 3, 1 }
table.sort(t, function(x, y) return depth(200) > 0 and x < y end)
print("deep", show(t))
