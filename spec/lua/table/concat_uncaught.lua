local t = {"a", "b", false}
local s = table.concat(t, "+")
