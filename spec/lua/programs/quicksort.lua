-- classic: in-place quicksort (Lomuto) and merge sort on a deterministic pseudo-random sequence
local function lcg(seed)
  local s = seed
  return function() s = (s * 1103515245 + 12345) % 2147483648; return s % 1000 end
end
local function quicksort(a, lo, hi)
  if lo < hi then
    local p, i = a[hi], lo - 1
    for j = lo, hi - 1 do
      if a[j] <= p then i = i + 1; a[i], a[j] = a[j], a[i] end
    end
    a[i + 1], a[hi] = a[hi], a[i + 1]
    quicksort(a, lo, i)
    quicksort(a, i + 2, hi)
  end
end
local function mergesort(a)
  if #a <= 1 then return a end
  local mid = #a // 2
  local l = mergesort(table.move(a, 1, mid, 1, {}))
  local r = mergesort(table.move(a, mid + 1, #a, 1, {}))
  local out, i, j = {}, 1, 1
  while i <= #l and j <= #r do
    if l[i] <= r[j] then out[#out + 1] = l[i]; i = i + 1 else out[#out + 1] = r[j]; j = j + 1 end
  end
  for k = i, #l do out[#out + 1] = l[k] end
  for k = j, #r do out[#out + 1] = r[k] end
  return out
end
local rnd = lcg(42)
local a, b = {}, {}
for i = 1, 500 do a[i] = rnd(); b[i] = a[i] end
print(table.concat(a, " ", 1, 10))
quicksort(a, 1, #a)
local m = mergesort(b)
local same = true
for i = 1, #a do if a[i] ~= m[i] then same = false end end
print(same, #m, table.concat(a, " ", 1, 10), a[250], a[500])
table.sort(b)
print(table.concat(b, " ", 491, 500))
