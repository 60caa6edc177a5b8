-- print, io.write and io.stdout:write share one output stream
print("p1")
io.write("w1 ")
io.stdout:write("s1\n")
io.write(1, 2, "\n")
print("p2")
local name = "tmp_io_interleave.txt"
io.output(name)
io.write("to file\n")
print("print still goes to stdout")
io.output():close()
io.output(io.stdout)
io.write("back\n")
for l in io.lines(name) do print("file:", l) end
os.remove(name)
