print(io.stderr:write("to stderr\n") == io.stderr)
io.stderr:write(1, " ", 2.0, "\n")
print("stdout after")
