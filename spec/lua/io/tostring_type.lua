local name = "tmp_io_tostr.txt"
local f = assert(io.open(name, "w"))
print(tostring(f):match("^file %(0x%x+%)$") ~= nil)
print(tostring(io.stdout):match("^file %(0x%x+%)$") ~= nil)
print(tostring(f) ~= tostring(io.stdout))
f:close()
print(tostring(f))
print(io.type(f), io.type(io.stdin), io.type(io.stderr))
print(io.type(nil), io.type({}), io.type("file"), io.type(print))
print(pcall(io.type))
print(getmetatable(f).__name, type(getmetatable(f).__index))
print(pcall(getmetatable(f).__tostring, 42))
local m = getmetatable(f).__index
local names = {}
for k in pairs(m) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
names = {}
for k in pairs(io) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
os.remove(name)
