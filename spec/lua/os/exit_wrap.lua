-- exit codes are taken modulo 256
print("wrap")
os.exit(258)
