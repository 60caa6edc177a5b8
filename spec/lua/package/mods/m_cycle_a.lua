package.loaded["m_cycle_a"] = "partial a"
local b = require("m_cycle_b")
return "a with " .. b
