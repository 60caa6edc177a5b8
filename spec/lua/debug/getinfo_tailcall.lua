local function inner()
  local i = debug.getinfo(1, "tn")
  local up = debug.getinfo(2, "Sn")
  print(i.istailcall, i.name, i.namewhat, up.what, up.name)
end
local function outer()
  return inner()
end
outer()
local function notail()
  inner()
end
notail()
local function cnt()
  local i = 0
  while debug.getinfo(i) do i = i + 1 end
  return i
end
local function t1() return cnt() end
local function t2() local r = cnt(); return r end
print(t1() + 1 == t2())
