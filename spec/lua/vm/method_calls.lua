local obj = {n = 0}
function obj:inc(d) self.n = self.n + (d or 1) return self end
obj:inc():inc(5)
print(obj.n)
local Cls = {} Cls.__index = Cls
function Cls.new(v) return setmetatable({v = v}, Cls) end
function Cls:get() return self.v end
print(Cls.new(7):get())
local s = "x"
print(pcall(function() return obj:missing() end))
