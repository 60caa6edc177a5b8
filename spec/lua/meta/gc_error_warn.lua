warn("@on")
do local x = setmetatable({}, {__gc = function() error("gc failure") end}) end
collectgarbage()
print("after")
