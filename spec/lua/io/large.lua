local name = "tmp_io_large.txt"
local f = assert(io.open(name, "w"))
for i = 1, 100000 do f:write(i, "\n") end
f:close()
local n, sum = 0, 0
for l in io.lines(name) do n = n + 1; sum = sum + tonumber(l) end
print(n, sum)
f = assert(io.open(name))
local s = f:read("a")
print(#s, f:seek())
f:seek("set", 0)
local cnt = 0
while true do
  local x = f:read("n")
  if not x then break end
  cnt = cnt + x
end
print(cnt)
f:close()
local big = string.rep("x", 200000) .. "\n" .. string.rep("y", 70000)
f = assert(io.open(name, "w"))
f:write(big)
f:close()
f = assert(io.open(name))
print(#f:read("l"), #f:read("L"), f:read("l"))
f:close()
os.remove(name)
