-- A build with dlopen answers 'open' (lua5.4) and one without answers 'absent' (lunet):
-- both fail with a message and nothing else.
local function show(...)
  local f, err, when = ...
  print(select('#', ...), f, type(err), when == "open" or when == "absent")
end
show(package.loadlib("./mods/fake.so", "luaopen_fake"))
show(package.loadlib("./mods/none.so", "*"))
show(package.loadlib("/nonexistent/dir/lib.so", "f"))
show(package.loadlib("donotexist", "xuxu"))
print(pcall(package.loadlib))
print(pcall(package.loadlib, "x"))
print(pcall(package.loadlib, {}, "x"))
