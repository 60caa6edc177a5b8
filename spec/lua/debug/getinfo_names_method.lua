local obj = {}
function obj:meth()
  local i = debug.getinfo(1, "n")
  return i.name, i.namewhat
end
function obj.fld()
  local i = debug.getinfo(1, "n")
  return i.name, i.namewhat
end
print(obj:meth())
print(obj.fld())
print(obj["fld"]())
local t = { inner = { f = obj.fld } }
print(t.inner.f())
print(string.format("%s", (obj.meth(obj))))
