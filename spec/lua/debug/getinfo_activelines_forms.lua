local function lines(f)
  local t = {}
  for l in pairs(debug.getinfo(f, "L").activelines) do t[#t + 1] = l end
  table.sort(t)
  return table.concat(t, " ")
end
print(lines(1))
local function outer()
  local function inner()
    return 1
  end
  return inner
end
print(lines(outer))
print(lines(outer()))
print(lines(function() end))
print(lines(function(...) end))
print(lines(load("local a = 1\n\nreturn a")))
print(lines(load("")))
print(lines(2))
