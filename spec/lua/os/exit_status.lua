print("before exit")
io.write("unterminated")
os.exit(3)
print("not reached")
