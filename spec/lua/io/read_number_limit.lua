-- read_number keeps at most 200 characters of a numeral
local name = "tmp_io_numlim.txt"
local f = assert(io.open(name, "w"))
f:write(string.rep("1", 199), " ", string.rep("2", 200), " ", string.rep("3", 201), " ",
        "0." .. string.rep("0", 197) .. "1", " ", "4")
f:close()
f = assert(io.open(name))
for i = 1, 8 do
  local v = f:read("n")
  print(i, v)
  if v == nil then print("next", f:read(3)) end
end
f:close()
os.remove(name)
