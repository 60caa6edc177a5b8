-- inputs that unbalance quicksort partitions; results are checked for order only
local function check(t, lt)
  lt = lt or function(a, b) return a < b end
  for i = 2, #t do if lt(t[i], t[i - 1]) then return false end end
  return true
end
local N = 3000
local sorted, rev, equal, pipe, saw = {}, {}, {}, {}, {}
for i = 1, N do
  sorted[i] = i
  rev[i] = N - i
  equal[i] = 7
  pipe[i] = i <= N // 2 and i or N - i
  saw[i] = i % 17
end
local cases = {{"sorted", sorted}, {"reverse", rev}, {"equal", equal}, {"pipe", pipe}, {"saw", saw}}
for _, c in ipairs(cases) do
  local t = c[2]
  table.sort(t)
  local ok1 = check(t)
  table.sort(t, function(a, b) return a > b end)
  print(c[1], ok1, check(t, function(a, b) return a > b end), t[1], t[#t])
end
local strs = {}
for i = 1, 500 do strs[i] = tostring((i * 7919) % 1000) end
table.sort(strs)
print(check(strs), strs[1], strs[500])
