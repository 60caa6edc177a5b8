local function where()
  return debug.getinfo(2, "l").currentline
end
print(where())
local x =
  where()
print(x)
local t = {
  a = 1,
  b = where(),
}
print(t.b)
