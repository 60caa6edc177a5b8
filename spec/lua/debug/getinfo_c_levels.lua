local function inside()
  local i = debug.getinfo(2, "Slnut")
  print(i.what, i.short_src, i.currentline, i.name, i.namewhat, i.nups, i.nparams, i.isvararg, i.istailcall)
  local z = debug.getinfo(0, "nS")
  print(z.name, z.namewhat, z.what)
end
pcall(inside)
local n = debug.getinfo(1, "n")
print(n.name, n.namewhat)
