local a, b = 1, 2
local function f0() end
local function f1(x) return a end
local function f2(x, y, ...) return a + b end
for _, f in ipairs({f0, f1, f2}) do
  local i = debug.getinfo(f, "u")
  print(i.nups, i.nparams, i.isvararg)
end
local i = debug.getinfo(print, "u")
print(i.nups, i.nparams, i.isvararg)
