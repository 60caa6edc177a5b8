-- pcall does not catch os.exit; nothing after it runs
print(pcall(function() print("inside") os.exit(5) end))
print("not reached")
