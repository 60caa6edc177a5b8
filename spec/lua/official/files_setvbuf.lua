-- output buffering modes decide when another handle on the file sees the data
local file = os.tmpname()
local f = assert(io.open(file, "w"))
local fr = assert(io.open(file, "r"))
print(f:setvbuf("full", 2000))
f:write("x")
print(fr:read("a") == "")      -- still in f's buffer
f:close()
fr:seek("set")
print(fr:read("a"))            -- close flushed it
f = assert(io.open(file, "a"))
print(f:setvbuf("no"))
f:write("y")
fr:seek("set")
print(fr:read("a"))            -- unbuffered: there at once
f:close()
f = assert(io.open(file, "a"))
print(f:setvbuf("line"))
f:write("z")
fr:seek("set", 2)
print(fr:read("a") == "")      -- no newline yet
f:write("w\n")
fr:seek("set", 2)
print(fr:read("a"))
f:close(); fr:close()
print(os.remove(file))
