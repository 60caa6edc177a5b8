local a = require("m_cycle_a")
return "b saw " .. tostring(a)
