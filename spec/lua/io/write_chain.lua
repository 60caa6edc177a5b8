local name = "tmp_io_chain.txt"
local f = assert(io.open(name, "w"))
print(f:write("a"):write("b", "c"):write(1, 2.5) == f)
f:close()
print(io.open(name):read("a"))
os.remove(name)
io.stdout:write("std", "out", "\n"):write("again\n")
