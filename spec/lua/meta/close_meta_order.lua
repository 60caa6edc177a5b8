local order = {}
local function mk(n) return setmetatable({}, {__close = function() order[#order + 1] = n end}) end
do
  local a <close> = mk(1)
  do local b <close> = mk(2) end
  local c <close> = mk(3)
end
print(order[1], order[2], order[3])
