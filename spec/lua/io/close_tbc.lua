local name = "tmp_io_tbc.txt"
local keep
do
  local f <close> = assert(io.open(name, "w"))
  keep = f
  f:write("closed by scope")
end
print(io.type(keep))
print(io.open(name):read("a"))
local ok, err = pcall(function()
  local g <close> = assert(io.open(name))
  keep = g
  error("boom")
end)
print(ok, err, io.type(keep))
local h = assert(io.open(name))
getmetatable(h).__close(h)
print(io.type(h))
os.remove(name)
