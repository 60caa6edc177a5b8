local name = "tmp_io_lines.txt"
local f = assert(io.open(name, "w"))
f:write("one\ntwo\n\nfour\nfive")
f:close()
for l in io.lines(name) do print("[" .. l .. "]") end
for l in io.lines(name, "L") do io.write("{", l, "}") end
print()
for a, b in io.lines(name, 1, 2) do print(a, b) end
for n in io.lines(name, 4) do io.write(n, "|") end
print()
local f2 = assert(io.open(name))
for l in f2:lines() do print(l) end
print(io.type(f2))
f2:close()
os.remove(name)
