local function target()
  local i = debug.getinfo(1, "n")
  return i.name, i.namewhat
end
local function caller()
  return (target())
end
local function caller2()
  local a, b = target()
  return a, b
end
print(caller())
print(caller2())
