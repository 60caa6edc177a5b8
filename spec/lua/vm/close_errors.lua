print(pcall(function() local x <close> = {} end))
print(pcall(function() local y <close> = 42 end))
local function mk(msg) return setmetatable({}, {__close = function() error(msg, 0) end}) end
print(pcall(function() local a <close> = mk("c1") return 1 end))
print(pcall(function() local a <close> = mk("c1") local b <close> = mk("c2") error("orig", 0) end))
local log = {}
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = tostring(e) end})
  local b <close> = mk("fromb")
end))
print(log[1])
