local A = {greet = function() return "hi" end}
local B = setmetatable({}, {__index = A})
local C = setmetatable({}, {__index = function(_, k) return B[k] end})
print(C.greet(), C.missing)
