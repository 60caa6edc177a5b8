-- a finalizer is called as metamethod '__gc'; a garbage-collected table is finalized even
-- when the loop that waits for it only allocates
local name = nil
setmetatable({}, {__gc = function ()
  local t = debug.getinfo(1, "n")
  name = t.namewhat .. " " .. t.name
end})
repeat local a = {} until name
print(name)
