function gfun()
  local i = debug.getinfo(1, "n")
  return i.name, i.namewhat
end
print(gfun())
local function lfun()
  local i = debug.getinfo(1, "n")
  return i.name, i.namewhat
end
print(lfun())
