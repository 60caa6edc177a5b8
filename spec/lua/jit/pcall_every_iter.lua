-- pcall around the body of every iteration of a hot loop; errors on some iterations only
local ok_count, msgs = 0, {}
for i = 1, 400 do
  local ok, err = pcall(function(n)
    if n % 100 == 0 then error("bad " .. n) end
    if n % 151 == 0 then local t; return t.x end
    return n
  end, i)
  if ok then ok_count = ok_count + 1 else msgs[#msgs + 1] = err end
end
print(ok_count, #msgs)
for _, m in ipairs(msgs) do print(m) end
local s = 0
for i = 1, 300 do
  local ok, v = pcall(math.floor, i % 50 == 0 and "x" or i + 0.5)
  if ok then s = s + v end
end
print(s)
local errs = 0
for i = 1, 200 do
  local ok = xpcall(function() return 1 + (i % 40 == 0 and {} or i) end, function(e) errs = errs + 1; return e end)
end
print(errs)
