local t = require("m_table")
return { inner = t, self = ... }
