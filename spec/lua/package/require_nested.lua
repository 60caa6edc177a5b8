package.path = "./mods/?.lua"
package.cpath = ""
local m = require("m_requires")
print(m.self, m.inner.name, m.inner == package.loaded.m_table)
