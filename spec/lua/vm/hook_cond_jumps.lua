-- Line and count hooks around conditional jumps: a test whose jump is taken does the JMP
-- that follows itself (lvm.c's donextjump), so the JMP is not a step of its own for hooks.
local function f(n, t)
  local s, k = 0, "a"
  for i = 1, n do
    if i % 2 == 0 then s = s + i
    else s = s - 1 end
    if i < n and i <= 3 and i > 1 and i >= 2 then s = s + 1 end
    if i == n or k == "b" or t[i] ~= nil then s = s * 2 end
    local x = i + 0.5
    if x < n and x <= 2.5 and n > x then s = s + 2 end
    local y = t[i] or i
    local z = t[i] and i
    if not z then s = s + y end
    local j = 0
    repeat j = j + 1 until j >= 2
    while j > 0 do j = j - 1 end
  end
  return s
end
local lines = {}
debug.sethook(function(_, l) lines[#lines + 1] = l end, "l")
local r1 = f(4, {1, nil, 3})
debug.sethook()
print(r1, table.concat(lines, " "))
for _, every in ipairs({1, 2, 3, 7}) do
  local c = 0
  debug.sethook(function() c = c + 1 end, "", every)
  local r = f(6, {nil, 2})
  debug.sethook()
  print(every, r, c)
end
