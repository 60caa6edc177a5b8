local function f(a)
  local x = a + 1

  if x > 2 then
    return x
  end
  return 0
end
local lines = {}
for l in pairs(debug.getinfo(f, "L").activelines) do lines[#lines + 1] = l end
table.sort(lines)
print(table.concat(lines, " "))
local function v(...)
  local n = select('#', ...)
  return n
end
lines = {}
for l in pairs(debug.getinfo(v, "L").activelines) do lines[#lines + 1] = l end
table.sort(lines)
print(table.concat(lines, " "))
print(debug.getinfo(print, "L").activelines)
