-- files are byte-exact
local name = "tmp_io_bin.dat"
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local f = assert(io.open(name, "wb"))
f:write(all, all:reverse(), "\r\n\0end")
f:close()
f = assert(io.open(name, "rb"))
local s = f:read("a")
f:close()
print(#s, s == all .. all:reverse() .. "\r\n\0end")
f = assert(io.open(name, "rb"))
local n = 0
for l in f:lines("L") do n = n + 1 end
print(n)
f:seek("set", 10)
print(f:read(3):byte(1, -1))
f:close()
os.remove(name)
