package.path = "./mods/?.lua"
package.cpath = ""
local v, d = require("m_false")
print(v, d, package.loaded.m_false)
