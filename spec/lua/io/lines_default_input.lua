local name = "tmp_io_linesd.txt"
local f = assert(io.open(name, "w"))
f:write("l1\nl2\n")
f:close()
io.input(name)
for l in io.lines() do print(l) end
print(io.type(io.input()))
io.input():close()
print(pcall(io.lines))
print(pcall(io.read))
io.input(io.stdin)
os.remove(name)
