-- os.exit(code, true) closes the state: pending <close> variables, then finalizers
setmetatable({}, {__gc = function() print("finalizer") end})
local x <close> = setmetatable({}, {__close = function(_, e) print("closing x", e) end})
local function f()
  local y <close> = setmetatable({}, {__close = function() print("closing y") end})
  os.exit(4, true)
end
f()
