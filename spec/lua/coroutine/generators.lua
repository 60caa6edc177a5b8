local function perm(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do a[n], a[i] = a[i], a[n] perm(a, n - 1) a[n], a[i] = a[i], a[n] end
  end
end
local count = 0
for p in coroutine.wrap(function() perm({1, 2, 3}) end) do
  count = count + 1
  print(p[1], p[2], p[3])
end
print(count)
