local name = "tmp_io_linese.txt"
local f = assert(io.open(name, "w"))
f:write("x\n")
f:close()
print((pcall(io.lines, name, "x")))
local ok, err = pcall(function() for l in io.lines(name, "x") do end end)
print(ok, err)
local args = {}
for i = 1, 250 do args[i] = "l" end
print((pcall(io.lines, name, table.unpack(args))))
args[251] = "l"
print(pcall(io.lines, name, table.unpack(args)))
print(pcall(io.lines, {}))
local g = assert(io.open(name, "w"))
local ok2, err2 = pcall(function() for l in g:lines() do end end)
print(ok2, err2)
g:close()
print(pcall(g.lines, g))
os.remove(name)
