local name = "tmp_io_modes.txt"
for _, m in ipairs({"r", "w", "a", "r+", "w+", "a+", "rb", "wb", "ab", "r+b", "w+b", "a+b", "rbb",
                    "rw", "x", "", "r+t", "+r", "wr", "b", "r++", "ra"}) do
  local ok, f, err = pcall(io.open, name, m)
  if ok and f then
    print(m, io.type(f))
    f:close()
  else
    print(m, ok, f, err)
  end
end
os.remove(name)
print(pcall(io.open))
print(pcall(io.open, {}))
print(pcall(io.open, name, {}))
