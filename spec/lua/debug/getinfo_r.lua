local i = debug.getinfo(1, "r")
print(i.ftransfer, i.ntransfer)
local j = debug.getinfo(print, "r")
print(j.ftransfer, j.ntransfer)
