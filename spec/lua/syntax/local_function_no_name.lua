local function (x) end
