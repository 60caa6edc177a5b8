-- io.lines(name) closes its file when the iteration ends; reading on is an error
local name = "tmp_io_autoclose.txt"
local f = assert(io.open(name, "w"))
f:write("1\n2\n")
f:close()
local it = io.lines(name, "n")
print(it(), it(), it())
print(pcall(it))
local it2, _, _, file = io.lines(name, "L")
print(it2(), it2(), it2())
print(io.type(file), pcall(file.read, file))
os.remove(name)
