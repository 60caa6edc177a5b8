local function a() return debug.traceback("x", 0) end
print(a())
local function b() return debug.traceback("y", 3) end
local function c() return b() end
print((c()))
print(debug.traceback("z", 50))
