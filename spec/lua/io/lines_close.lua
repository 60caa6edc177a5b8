local name = "tmp_io_linesc.txt"
local f = assert(io.open(name, "w"))
f:write("a\nb\nc\n")
f:close()
-- io.lines returns the file as the 4th (to-be-closed) value
local it, s, c, file = io.lines(name)
print(type(it), s, c, io.type(file))
print(it(), it(), it(), it())
print(io.type(file))
print(pcall(it))
-- breaking out of the loop closes the file
local it2, _, _, file2 = io.lines(name)
for l in it2, nil, nil, file2 do print(l) break end
print(io.type(file2))
-- file:lines does not close the file at the end
local g = assert(io.open(name))
local it3 = g:lines()
for l in it3 do end
print(io.type(g), it3())
g:close()
print(pcall(it3))
os.remove(name)
