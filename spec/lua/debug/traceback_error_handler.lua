local function fail() error("oops") end
local function mid() fail() end
print(xpcall(mid, debug.traceback))
