print(debug.gethook())
local function h() end
debug.sethook(h, "", 0)
local f, m, c = debug.gethook()
print(f == h, m, c)
debug.sethook()
print(debug.gethook())
print(pcall(debug.sethook, 1, "c"))
print(pcall(debug.sethook, h))
