local name = "tmp_io_number.txt"
local f = assert(io.open(name, "w"))
f:write("  0x1p4 -12 .5 1e 0x 12345678901234567890 - +.e3 1.5e+3x 0x.8 00012 nan inf\n",
        "9223372036854775807 9223372036854775808 -9223372036854775808 0xffffffffffffffff\n",
        "1E2 0XA 0x1P-1 5. .e1 --1 +-1 1e+ 1e-2 \t\n\v\f\r7 0x1.8p1 3.0 0e0 08 1..2")
f:close()
f = assert(io.open(name))
for i = 1, 40 do
  local v = f:read("n")
  if v == nil then
    local c = f:read(1)
    print("fail", c)
    if c == nil then break end
  else
    print(v, math.type(v))
  end
end
f:close()
os.remove(name)
