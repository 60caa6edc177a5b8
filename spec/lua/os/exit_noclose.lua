-- without 'close', neither finalizers nor <close> handlers run
setmetatable({}, {__gc = function() print("finalizer") end})
local x <close> = setmetatable({}, {__close = function() print("closing x") end})
print("exiting")
os.exit(0, false)
