-- an unreachable file is closed (and its buffer written) by its finalizer
local name = "tmp_io_gc.txt"
do
  local f = assert(io.open(name, "w"))
  f:write("written by gc")
end
collectgarbage()
collectgarbage()
local g = assert(io.open(name))
print(g:read("a"))
g:close()
local h = assert(io.open(name))
getmetatable(h).__gc(h)
print(io.type(h))
getmetatable(h).__gc(h)
print(pcall(getmetatable(h).__gc, {}))
os.remove(name)
