local name = "tmp_io_linesn.txt"
local f = assert(io.open(name, "w"))
f:write("1 2 3\n4.5 0x10 -7\n")
f:close()
for n in io.lines(name, "n") do print(n, math.type(n)) end
for a, b in io.lines(name, "n", "n") do print(a, b) end
f = assert(io.open(name))
for a, b, c in f:lines("n", "l", 1) do print(a, b, c) end
f:close()
os.remove(name)
