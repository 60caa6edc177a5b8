local function rec(n)
  if n == 0 then return debug.traceback("deep") end
  return (rec(n - 1))
end
print(rec(30))
local function rec2(n)
  if n == 0 then return debug.traceback("tail") end
  return rec2(n - 1)
end
print(rec2(5))
