-- stores of numbers into the array part from traced loops: raw sets over non-nil elements,
-- read back in the same iteration; nil elements, __newindex, non-numbers leave the trace
local t = {}
for i = 1, 500 do t[i] = 0 end
for i = 1, 500 do t[i] = i * 2 end
local s = 0
for i = 1, 500 do s = s + t[i] end
print(s)

-- read-modify-write and a read after the store in one iteration
local acc = {}
for i = 1, 100 do acc[i] = i end
for r = 1, 30 do
  for i = 1, 100 do acc[i] = acc[i] + r; local back = acc[i]; acc[i] = back * 1 end
end
local z = 0
for i = 1, 100 do z = z + acc[i] end
print(z, acc[1], acc[100])

-- int and float values, constants (SETI with a K operand), -0.0, NaN, maxinteger wrap
local m = { 1, 2, 3, 4 }
for i = 1, 200 do
  m[1] = i
  m[2] = i + 0.5
  m[3] = -0.0
  m[4] = math.maxinteger + i
end
print(m[1], m[2], 1 / m[3], m[4])
local nanbox = { 0 }
for i = 1, 100 do nanbox[1] = 0/0 end
print(nanbox[1] ~= nanbox[1])

-- a store into a nil hole goes through the interpreter (and __newindex sees it)
local log = 0
local h = setmetatable({}, { __newindex = function(tt, k, v) log = log + 1; rawset(tt, k, v) end })
for i = 1, 100 do rawset(h, i, 0) end
h[50] = nil
for i = 1, 100 do h[i] = i end
print(log, h[50], h[100])

-- the swap of fannkuch: values move between elements of one table
local perm = {}
for i = 1, 12 do perm[i] = i end
local flips = 0
for r = 1, 2000 do
  local i, j = 1, 12
  while i < j do
    local tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp
    i = i + 1; j = j - 1
  end
  flips = flips + perm[1]
end
print(flips, table.concat(perm, ","))

-- two names for one table: a store through one is seen through the other
local u = { 0, 0, 0 }
local v = u
local seen = 0
for i = 1, 300 do u[2] = i; seen = seen + v[2] end
print(seen)

-- storing a non-number stops the trace there, the interpreter does the store
local mixed = { 1, 2, 3 }
for i = 1, 300 do
  if i == 200 then mixed[2] = "two" else mixed[1] = i end
end
print(mixed[1], mixed[2])

-- an error in a traced store loop: indexing a number, with the interpreter's message
print(pcall(function()
  local arr = { 1, 2, 3 }
  for i = 1, 300 do
    arr[1] = i
    if i == 250 then arr = 5 end
  end
end))
