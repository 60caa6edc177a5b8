local function final() error("tail end") end
local function t1() return final() end
local function t2() return t1() end
t2()
