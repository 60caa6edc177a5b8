local t = {setmetatable = setmetatable}
t:setmetatable(5)
