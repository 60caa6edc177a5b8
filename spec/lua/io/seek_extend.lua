-- writing past the end leaves a hole of zero bytes
local name = "tmp_io_hole.txt"
local f = assert(io.open(name, "w"))
f:seek("set", 4)
f:write("x")
f:close()
local s = io.open(name, "rb"):read("a")
print(#s, s:byte(1, -1))
os.remove(name)
