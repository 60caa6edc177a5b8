-- stdin is empty for fixtures
print(io.read())
print(io.read("a"))
print(io.read("n"))
print(io.stdin:read(1))
for l in io.lines() do print("never", l) end
print(io.read(0))
